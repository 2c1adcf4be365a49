/**
 * A Dockerfile, read with `dockerfile-ast` (the parser of VS Code's Docker language server):
 * instructions with ranges, continuations joined and comments inside them dropped as Docker
 * does, the escape directive honoured, ENV/ARG properties in both forms. On top of it this
 * module follows what a container starts with: FROM (stages), ARG/ENV (for the paths written
 * with them, and the variables the image sets), WORKDIR, COPY/ADD (which project file lands
 * where), ENTRYPOINT and CMD, HEALTHCHECK, USER, RUN. `dockerfile-utils`' validator (the same
 * language server's) names what Docker would refuse to build. Read as text; nothing is built or run.
 */
import * as path from 'path';
import { DockerfileParser, Instruction, Property } from 'dockerfile-ast';
import { ValidationSeverity, validate } from 'dockerfile-utils';
import type { Range } from './source-text';

/** A COPY or ADD of files from the build context. */
export interface DockerfileCopy {
  /** Paths relative to the build context, as written (variables substituted where known). */
  sources: string[];
  /** Absolute path in the image. */
  destination: string;
  /** 0-based line of the instruction. */
  line: number;
}

export interface DockerfileCommand {
  instruction: 'ENTRYPOINT' | 'CMD';
  /** Exec form as written; shell form split on blanks. */
  words: string[];
  line: number;
  /** The instruction's range. */
  range?: Range;
}

/** `HEALTHCHECK CMD …`, or `HEALTHCHECK NONE`, which turns off one inherited from the base image. */
export interface DockerfileHealthcheck {
  none: boolean;
  line: number;
}

export interface DockerfileVariable {
  name: string;
  line: number;
}

/** One `NAME=value` of an ENV or ARG instruction. */
export interface DockerfileAssignment {
  instruction: 'ENV' | 'ARG';
  name: string;
  /** With the ARG/ENV values known so far substituted; null for `ARG NAME` without a default. */
  value: string | null;
  /** The value as written (quotes removed), before substitution. */
  written: string | null;
  nameRange: Range;
  /** Null for `ARG NAME`. */
  valueRange: Range | null;
  line: number;
}

/** A RUN instruction: its command with continuations joined (exec form joined by blanks). */
export interface DockerfileRun {
  command: string;
  line: number;
  range: Range;
}

/** `USER name[:group]`. */
export interface DockerfileUser {
  user: string;
  range: Range;
  line: number;
}

export interface DockerfileStage {
  /** `FROM image AS name`. */
  name: string | null;
  base: string;
  copies: DockerfileCopy[];
  entrypoint: DockerfileCommand | null;
  cmd: DockerfileCommand | null;
  healthcheck: DockerfileHealthcheck | null;
  /** Variables `ENV` sets in the image. */
  env: DockerfileVariable[];
  /** The WORKDIR at the end of the stage: where relative paths of ENTRYPOINT/CMD start. */
  workdir: string;
  /** The FROM instruction's range. */
  fromRange: Range;
  /** Every ENV and ARG of the stage, in order. */
  assignments: DockerfileAssignment[];
  runs: DockerfileRun[];
  users: DockerfileUser[];
}

export interface Dockerfile {
  stages: DockerfileStage[];
  /** ARGs before the first FROM (global: their defaults serve FROM lines and ARGs redeclared in a stage). */
  globalArgs: DockerfileAssignment[];
  /** What Docker would refuse to build (dockerfile-utils' errors; its style warnings are left out). */
  problems: { range: Range; message: string }[];
}

/** Instruction lines with continuations joined; comment lines inside a continuation dropped, as Docker does. */
export function logicalLines(text: string): { line: number; text: string }[] {
  return DockerfileParser.parse(text)
    .getInstructions()
    .map((instruction) => ({ line: instruction.getRange().start.line, text: `${instruction.getInstruction()} ${instruction.getArgumentsContent() ?? ''}`.trim() }));
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` from the ARG/ENV values known so far; unknown names stay as written. */
function substitute(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g, (whole, braced: string, fallback: string | undefined, bare: string) => {
    const value = variables.get(braced ?? bare);
    if (value !== undefined) return value;
    return fallback ?? whole;
  });
}

/**
 * `["a", "b"]`, or null when the text is not a JSON array of strings (then it is shell form).
 * Parsed from the joined arguments: dockerfile-ast's own JSON strings drop the blanks inside a
 * string (`["a b.sh"]` reads as `ab.sh`).
 */
function execForm(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

function argumentsOf(instruction: Instruction): string {
  return (instruction.getArgumentsContent() ?? '').trim();
}

function assignmentsOf(instruction: Instruction): { property: Property; written: string | null }[] {
  const properties = (instruction as Instruction & { getProperties?(): Property[] }).getProperties?.() ?? [];
  return properties.map((property) => ({ property, written: property.getValue() }));
}

// The validator's style checks are not build errors: Preflight does not lint Dockerfile style.
const VALIDATOR_SETTINGS = {
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  directiveCasing: ValidationSeverity.IGNORE,
  emptyContinuationLine: ValidationSeverity.IGNORE,
  instructionCasing: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
  instructionJSONInSingleQuotes: ValidationSeverity.IGNORE,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
};

/** LSP's DiagnosticSeverity.Error. */
const ERROR = 1;

function buildProblems(text: string): Dockerfile['problems'] {
  try {
    return validate(text, VALIDATOR_SETTINGS)
      .filter((diagnostic) => diagnostic.severity === ERROR)
      .map((diagnostic) => ({ range: diagnostic.range, message: diagnostic.message.replace(/\.$/, '') }));
  } catch {
    // A validator bug must not cost the file its other findings.
    return [];
  }
}

function rangeOf(range: { start: { line: number; character: number }; end: { line: number; character: number } }): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

export function parseDockerfile(text: string): Dockerfile {
  const stages: DockerfileStage[] = [];
  const globalAssignments: DockerfileAssignment[] = [];
  // ARGs before the first FROM are global: their defaults apply to FROM lines and to ARGs redeclared in a stage.
  const globalArgs = new Map<string, string>();
  let variables = new Map<string, string>();
  let workdir = '/';
  let stage: DockerfileStage | null = null;
  const ended = new Map<DockerfileStage, { variables: Map<string, string>; workdir: string }>();
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    const line = instruction.getRange().start.line;
    const range = rangeOf(instruction.getRange());
    const rest = argumentsOf(instruction);
    if (keyword === 'FROM') {
      const words = rest.split(/\s+/);
      const base = substitute(words[0] ?? '', globalArgs);
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : null;
      // A stage FROM an earlier stage starts where that one ended (its workdir and ENV values).
      const parent = stages.slice().reverse().find((earlier) => earlier.name !== null && earlier.name === base);
      const inherited = parent ? ended.get(parent) : undefined;
      stage = {
        name,
        base,
        copies: [],
        entrypoint: null,
        cmd: null,
        healthcheck: null,
        env: [],
        workdir: inherited?.workdir ?? '/',
        fromRange: range,
        assignments: [],
        runs: [],
        users: [],
      };
      stages.push(stage);
      variables = new Map(inherited?.variables ?? []);
      workdir = inherited?.workdir ?? '/';
      ended.set(stage, { variables, workdir });
      continue;
    }
    if (keyword === 'ARG') {
      for (const { property, written } of assignmentsOf(instruction)) {
        const name = property.getName();
        const resolved = written !== null ? substitute(written, stage ? variables : globalArgs) : stage ? globalArgs.get(name) : undefined;
        const assignment: DockerfileAssignment = {
          instruction: 'ARG',
          name,
          value: resolved ?? null,
          written,
          nameRange: rangeOf(property.getNameRange()),
          valueRange: property.getValueRange() ? rangeOf(property.getValueRange()!) : null,
          line,
        };
        if (!stage) {
          globalAssignments.push(assignment);
          if (written !== null) globalArgs.set(name, resolved!);
        } else {
          stage.assignments.push(assignment);
          if (resolved !== undefined) variables.set(name, resolved);
        }
      }
      continue;
    }
    if (!stage) continue;
    switch (keyword) {
      case 'ENV':
        for (const { property, written } of assignmentsOf(instruction)) {
          const name = property.getName();
          const value = written !== null ? substitute(written, variables) : null;
          if (value !== null) variables.set(name, value);
          stage.env.push({ name, line });
          stage.assignments.push({
            instruction: 'ENV',
            name,
            value,
            written,
            nameRange: rangeOf(property.getNameRange()),
            valueRange: property.getValueRange() ? rangeOf(property.getValueRange()!) : null,
            line,
          });
        }
        break;
      case 'WORKDIR':
        workdir = path.posix.resolve(workdir, substitute(rest.replace(/^(["'])(.*)\1$/, '$2'), variables));
        stage.workdir = workdir;
        ended.set(stage, { variables, workdir });
        break;
      case 'COPY':
      case 'ADD': {
        const words = execForm(rest) ?? rest.split(/\s+/);
        // --from copies out of another stage or image, not the build context; a heredoc is inline text.
        // The parser leaves flags out of the arguments.
        const flags = (instruction as Instruction & { getFlags?(): { getName(): string }[] }).getFlags?.() ?? [];
        if (flags.some((flag) => flag.getName().toLowerCase() === 'from') || words.some((word) => word.startsWith('<<'))) break;
        const operands = words.map((word) => substitute(word, variables));
        if (operands.length < 2) break;
        const destination = operands[operands.length - 1];
        const absolute = path.posix.resolve(workdir, destination) + (destination.endsWith('/') ? '/' : '');
        stage.copies.push({ sources: operands.slice(0, -1), destination: absolute, line });
        break;
      }
      case 'HEALTHCHECK':
        stage.healthcheck = { none: /^NONE\b/i.test(rest), line };
        break;
      case 'USER':
        stage.users.push({ user: substitute(rest, variables), range, line });
        break;
      case 'RUN': {
        const exec = execForm(rest);
        stage.runs.push({ command: exec ? exec.join(' ') : rest, line, range });
        break;
      }
      case 'ENTRYPOINT':
      case 'CMD': {
        const command: DockerfileCommand = { instruction: keyword, words: execForm(rest) ?? rest.split(/\s+/), line, range };
        if (keyword === 'ENTRYPOINT') stage.entrypoint = command;
        else stage.cmd = command;
        break;
      }
    }
  }
  return { stages, globalArgs: globalAssignments, problems: buildProblems(text) };
}

/** What the final image holds: the last stage on top of the earlier stages it is built FROM. */
export interface DockerImage {
  copies: DockerfileCopy[];
  entrypoint: DockerfileCommand | null;
  cmd: DockerfileCommand | null;
  /** The last HEALTHCHECK of the stages built here (a base image from a registry may have its own). */
  healthcheck?: DockerfileHealthcheck;
  env: DockerfileVariable[];
  workdir: string;
}

/** The stages the final image is made of, base first: the last stage and the earlier stages it is built FROM. */
export function finalStages(dockerfile: Dockerfile): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  let current: DockerfileStage | undefined = dockerfile.stages[dockerfile.stages.length - 1];
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    const base: string = current.base;
    current = dockerfile.stages.slice(0, dockerfile.stages.indexOf(current)).reverse().find((earlier) => earlier.name !== null && earlier.name === base);
  }
  return chain;
}

export function finalImage(dockerfile: Dockerfile): DockerImage {
  const chain = finalStages(dockerfile);
  const image: DockerImage = { copies: [], entrypoint: null, cmd: null, env: [], workdir: chain[chain.length - 1]?.workdir ?? '/' };
  for (const stage of chain) {
    image.copies.push(...stage.copies);
    image.env.push(...stage.env);
    // Docker: a stage that sets ENTRYPOINT drops the CMD it inherited.
    if (stage.entrypoint) [image.entrypoint, image.cmd] = [stage.entrypoint, null];
    if (stage.cmd) image.cmd = stage.cmd;
    if (stage.healthcheck) image.healthcheck = stage.healthcheck;
  }
  return image;
}
