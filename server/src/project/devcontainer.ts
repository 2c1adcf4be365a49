/**
 * Dev container configurations (`.devcontainer/devcontainer.json`, `.devcontainer.json`): the
 * compose files and env files they start the development container with are development, whatever
 * their names say (a devcontainer often reuses `../docker-compose.yml`). Read, never linted.
 */
import * as path from 'path';
import type { SourceFile } from './model';

/** `devcontainer.json` under `.devcontainer/` (one folder per configuration allowed), or `.devcontainer.json`. */
export function isDevcontainerConfig(relativePath: string): boolean {
  const segments = relativePath.split('/');
  const name = segments[segments.length - 1];
  return name === '.devcontainer.json' || (name === 'devcontainer.json' && segments.slice(0, -1).includes('.devcontainer'));
}

/** A file a dev container configuration names, with the reason it is development. */
export interface DevcontainerReference {
  /** Absolute path. */
  path: string;
  reason: string;
}

/** The compose files (`dockerComposeFile`) and env files (`runArgs` `--env-file`) a configuration names; [] when it does not parse. */
export function devcontainerReferences(source: SourceFile, relativePath: string): DevcontainerReference[] {
  const config = source.text === null ? null : parseJsonc(source.text);
  if (!config || typeof config !== 'object' || Array.isArray(config)) return [];
  const record = config as Record<string, unknown>;
  const folder = path.dirname(source.path);
  const workspace = workspaceFolder(source.path);
  const references: DevcontainerReference[] = [];
  const add = (written: string, base: string, what: string) => {
    const substituted = written.replace(/\$\{localWorkspaceFolder\}/g, workspace);
    // Other variables (${localEnv:…}, ${containerWorkspaceFolder}) are the host's or the container's.
    if (/\$\{/.test(substituted)) return;
    const resolved = path.resolve(base, substituted);
    if (!references.some((reference) => reference.path === resolved)) references.push({ path: resolved, reason: `${what} of ${relativePath}, a dev container configuration` });
  };
  const composeFiles = typeof record.dockerComposeFile === 'string' ? [record.dockerComposeFile] : Array.isArray(record.dockerComposeFile) ? record.dockerComposeFile : [];
  // dockerComposeFile paths are relative to devcontainer.json.
  for (const file of composeFiles) if (typeof file === 'string') add(file, folder, 'it is a dockerComposeFile');
  const runArgs = Array.isArray(record.runArgs) ? record.runArgs.filter((arg): arg is string => typeof arg === 'string') : [];
  runArgs.forEach((arg, index) => {
    const written = arg.startsWith('--env-file=') ? arg.slice('--env-file='.length) : arg === '--env-file' ? runArgs[index + 1] : undefined;
    if (written === undefined) return;
    // `docker run` resolves it against the folder it runs in, the workspace; people also write it relative to devcontainer.json.
    for (const base of new Set([workspace, folder])) add(written, base, 'it is a runArgs --env-file');
  });
  return references;
}

/** The folder VS Code opens: the one holding `.devcontainer/` (or `.devcontainer.json`). */
function workspaceFolder(configPath: string): string {
  const folders = path.dirname(configPath).split(path.sep);
  const at = folders.lastIndexOf('.devcontainer');
  return at < 0 ? folders.join(path.sep) : folders.slice(0, at).join(path.sep) || path.sep;
}

/**
 * JSON with comments and trailing commas, as VS Code reads devcontainer.json; null when it does
 * not parse (a half-typed file names nothing).
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      i = commentEnd(text, i) - 1;
      out += ' ';
    } else if (char === ',' && /[}\]]/.test(text[significantAfter(text, i + 1)] ?? '')) {
      // A trailing comma: dropped.
    } else {
      out += char;
    }
  }
  try {
    return JSON.parse(out);
  } catch {
    return null;
  }
}

/** The offset just past the comment starting at `start`. */
function commentEnd(text: string, start: number): number {
  if (text[start + 1] === '/') {
    const newline = text.indexOf('\n', start);
    return newline < 0 ? text.length : newline;
  }
  const end = text.indexOf('*/', start + 2);
  return end < 0 ? text.length : end + 2;
}

/** The offset of the next character that is neither white space nor inside a comment. */
function significantAfter(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) i = commentEnd(text, i);
    else break;
  }
  return i;
}
