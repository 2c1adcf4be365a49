/**
 * What `preflight` and `preflight checklist` share of reading a command line: a line the command
 * cannot run becomes a UsageError, reported with the command's usage text and exit status 2.
 */
import { ParseArgsConfig, parseArgs } from 'util';

export class UsageError extends Error {}

/** util.parseArgs, its errors (unknown option, missing value) as UsageErrors. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** An option's value, which must be one of `allowed`: `--format must be text or json, not "xml"`. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    const listed = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed.join('');
    throw new UsageError(`${option} must be ${listed}, not "${value}"`);
  }
  return value as T;
}

/** Prints a UsageError as `command: message` and the usage text; returns the exit status. Other errors are rethrown. */
export function usageErrorStatus(error: unknown, command: string, usage: string): number {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${command}: ${error.message}\n\n${usage}`);
  return 2;
}
