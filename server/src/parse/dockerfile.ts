/**
 * The few Dockerfile instructions that say what a container starts with: FROM (stages), ARG/ENV
 * (for the paths written with them, and the variables the image sets), WORKDIR, COPY/ADD (which
 * project file lands where), ENTRYPOINT and CMD, and HEALTHCHECK. Read as text; nothing is built or run.
 */
import * as path from 'path';

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
}

export interface Dockerfile {
  stages: DockerfileStage[];
}

/** Instruction lines with continuations joined; comment lines inside a continuation dropped, as Docker does. */
export function logicalLines(text: string): { line: number; text: string }[] {
  const lines = text.split(/\r?\n/);
  const result: { line: number; text: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let joined = '';
    let current = lines[index];
    if (/^\s*#/.test(current)) continue;
    while (/\\\s*$/.test(current) && index + 1 < lines.length) {
      joined += current.replace(/\\\s*$/, '');
      index++;
      current = lines[index];
      while (/^\s*#/.test(current) && index + 1 < lines.length) current = lines[++index];
    }
    joined += current;
    if (joined.trim()) result.push({ line: start, text: joined.trim() });
  }
  return result;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` from the ARG/ENV values known so far; unknown names stay as written. */
function substitute(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*))?\}|\$([A-Za-z_]\w*)/g, (whole, braced: string, fallback: string | undefined, bare: string) => {
    const value = variables.get(braced ?? bare);
    if (value !== undefined) return value;
    return fallback ?? whole;
  });
}

/** `["a", "b"]`, or null when the text is not a JSON array of strings (then it is shell form). */
function execForm(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** `ENV A=1 B="two"` and the legacy `ENV A 1`; `ARG A=1 B`. */
function assignments(text: string): { name: string; value: string | null }[] {
  const legacy = /^([A-Za-z_]\w*)\s+(?![A-Za-z_]\w*=)(.*)$/.exec(text);
  if (legacy && !text.includes('=')) return [{ name: legacy[1], value: legacy[2] }];
  const found: { name: string; value: string | null }[] = [];
  for (const match of text.matchAll(/([A-Za-z_]\w*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g)) {
    const raw = match[2];
    found.push({ name: match[1], value: raw === undefined ? null : raw.replace(/^(["'])([\s\S]*)\1$/, '$2') });
  }
  return found;
}

export function parseDockerfile(text: string): Dockerfile {
  const stages: DockerfileStage[] = [];
  // ARGs before the first FROM are global: their defaults apply to FROM lines and to ARGs redeclared in a stage.
  const globalArgs = new Map<string, string>();
  let variables = new Map<string, string>();
  let workdir = '/';
  let stage: DockerfileStage | null = null;
  const ended = new Map<DockerfileStage, { variables: Map<string, string>; workdir: string }>();
  for (const { line, text: instruction } of logicalLines(text)) {
    const match = /^([A-Za-z]+)\s*([\s\S]*)$/.exec(instruction);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const rest = match[2].trim();
    if (keyword === 'FROM') {
      const words = rest.split(/\s+/).filter((word) => !word.startsWith('--'));
      const base = substitute(words[0] ?? '', globalArgs);
      const name = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2] : null;
      // A stage FROM an earlier stage starts where that one ended (its workdir and ENV values).
      const parent = stages.slice().reverse().find((earlier) => earlier.name !== null && earlier.name === base);
      const inherited = parent ? ended.get(parent) : undefined;
      stage = { name, base, copies: [], entrypoint: null, cmd: null, healthcheck: null, env: [], workdir: inherited?.workdir ?? '/' };
      stages.push(stage);
      variables = new Map(inherited?.variables ?? []);
      workdir = inherited?.workdir ?? '/';
      ended.set(stage, { variables, workdir });
      continue;
    }
    if (keyword === 'ARG') {
      for (const { name, value } of assignments(rest)) {
        const resolved = value !== null ? substitute(value, variables) : (stage ? globalArgs.get(name) : undefined);
        if (!stage) {
          if (value !== null) globalArgs.set(name, substitute(value, globalArgs));
        } else if (resolved !== undefined) variables.set(name, resolved);
      }
      continue;
    }
    if (!stage) continue;
    switch (keyword) {
      case 'ENV':
        for (const { name, value } of assignments(rest)) {
          if (value !== null) variables.set(name, substitute(value, variables));
          stage.env.push({ name, line });
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
        if (words.some((word) => /^--from=/i.test(word) || word.startsWith('<<'))) break;
        const operands = words.filter((word) => !word.startsWith('--')).map((word) => substitute(word, variables));
        if (operands.length < 2) break;
        const destination = operands[operands.length - 1];
        const absolute = path.posix.resolve(workdir, destination) + (destination.endsWith('/') ? '/' : '');
        stage.copies.push({ sources: operands.slice(0, -1), destination: absolute, line });
        break;
      }
      case 'HEALTHCHECK':
        stage.healthcheck = { none: /^NONE\b/i.test(rest), line };
        break;
      case 'ENTRYPOINT':
      case 'CMD': {
        const command: DockerfileCommand = { instruction: keyword, words: execForm(rest) ?? rest.split(/\s+/), line };
        if (keyword === 'ENTRYPOINT') stage.entrypoint = command;
        else stage.cmd = command;
        break;
      }
    }
  }
  return { stages };
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

export function finalImage(dockerfile: Dockerfile): DockerImage {
  const chain: DockerfileStage[] = [];
  let current: DockerfileStage | undefined = dockerfile.stages[dockerfile.stages.length - 1];
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    const base: string = current.base;
    current = dockerfile.stages.slice(0, dockerfile.stages.indexOf(current)).reverse().find((earlier) => earlier.name !== null && earlier.name === base);
  }
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
