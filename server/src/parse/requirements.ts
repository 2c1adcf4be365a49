/**
 * pip requirements files (`requirements.txt`, `requirements/production.txt`) and the PEP 508
 * requirement strings every Python dependency format shares. The PEP 508 grammar (names, extras,
 * specifiers, markers, URLs) is pip-requirements-js's; what pip adds around it (options, `-r` and
 * `-c` includes, per-requirement `--hash`, continuations, comments) is read here, as pip reads it.
 * Read as text: nothing is installed or run.
 */
import { Requirement, parsePipRequirementsLine } from 'pip-requirements-js';

/** One dependency a file declares, with the versions it admits. */
export interface Dependency {
  /** Normalised as PEP 503 does (`django`, `django-environ`), so names compare. */
  name: string;
  /** The PEP 440 specifier (`>=4.2,<5.0`); empty: any version. */
  specifier: string;
  extras: string[];
  /** The environment marker as written (`python_version >= "3.10"`), or null. */
  marker: string | null;
  /** 1-based line the dependency starts on. */
  line: number;
  /** Installed from a URL or path (`django @ https://…`), which names no version. */
  url?: string;
}

/** A line that could not be read, 1-based. */
export interface DependencyProblem {
  line: number;
  message: string;
}

export interface RequirementsInclude {
  /** `-r`/`--requirement`: more requirements; `-c`/`--constraint`: versions only. */
  kind: 'requirements' | 'constraints';
  /** As written, relative to the including file. */
  path: string;
  line: number;
}

export interface RequirementsFile {
  requirements: Dependency[];
  includes: RequirementsInclude[];
  problems: DependencyProblem[];
}

/** `Django_Environ` -> `django-environ` (PEP 503). */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 string as a Dependency, or a problem's message. */
export function parseRequirementString(text: string, line: number): Dependency | { problem: string } {
  const semicolon = markerStart(text);
  const marker = semicolon < 0 ? null : text.slice(semicolon + 1).trim() || null;
  let parsed: Requirement | null;
  // pip-requirements-js's grammar lacks PEP 440's arbitrary equality (`===`, which pip accepts and
  // `pip freeze` writes for versions PEP 440 cannot order): read as `==`, kept as written.
  const requirementPart = semicolon < 0 ? text : text.slice(0, semicolon);
  const arbitrary = requirementPart.includes('===');
  try {
    parsed = parsePipRequirementsLine(arbitrary ? requirementPart.replace('===', '==') + text.slice(requirementPart.length) : text);
  } catch (error) {
    return { problem: `"${text.trim()}" is not a requirement pip can read (${String((error as Error).message).replace(/^Failed to parse requirements line\. /, '')})` };
  }
  if (!parsed || (parsed.type !== 'ProjectName' && parsed.type !== 'ProjectURL')) return { problem: `"${text.trim()}" is not a requirement` };
  const dependency: Dependency = { name: normaliseName(parsed.name), specifier: '', extras: parsed.extras ?? [], marker, line };
  if (parsed.type === 'ProjectName') dependency.specifier = (parsed.versionSpec ?? []).map((spec) => `${arbitrary && spec.operator === '==' ? '===' : spec.operator}${spec.version}`).join(',');
  else dependency.url = parsed.url;
  return dependency;
}

/** Where a requirement's marker starts (`;` outside a URL fragment), or -1. */
function markerStart(text: string): number {
  // In `name @ url ; marker` the marker's `;` must follow a blank (PEP 508); elsewhere any `;`.
  const at = text.indexOf('@');
  if (at < 0) return text.indexOf(';');
  const match = /\s;/.exec(text.slice(at));
  return match ? at + match.index + 1 : -1;
}

export function parseRequirements(text: string): RequirementsFile {
  const result: RequirementsFile = { requirements: [], includes: [], problems: [] };
  for (const { line, text: logical } of requirementLines(text)) {
    const content = stripComment(logical).trim();
    if (content === '') continue;
    const include = /^(?:(-r|--requirement)|(-c|--constraint))(?:\s*=\s*|\s+|(?<=^-[rc]))(\S+)$/.exec(content);
    if (include) {
      result.includes.push({ kind: include[2] ? 'constraints' : 'requirements', path: include[3], line });
      continue;
    }
    if (/^(?:-r|--requirement|-c|--constraint)\s*$/.test(content)) {
      result.problems.push({ line, message: `"${content}" names no file` });
      continue;
    }
    // Editable installs, index options and the like name no version of a package by name.
    if (content.startsWith('-')) continue;
    // A bare URL or path (`./vendor/pkg`, `https://…/pkg.tar.gz`) has no name to read.
    if (/^(?:[.~/]|[a-z][a-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+)/i.test(content)) continue;
    // Per-requirement options (`--hash=sha256:…`, `--config-settings …`) follow the requirement.
    const requirement = content.replace(/\s+--?[a-z][\w-]*(?:[= ]\S+)?/gi, '').trim();
    const parsed = parseRequirementString(requirement, line);
    if ('problem' in parsed) result.problems.push({ line, message: parsed.problem });
    else result.requirements.push(parsed);
  }
  return result;
}

/** Logical lines: a trailing backslash joins the next line, as pip does; each keeps its first line (1-based). */
function requirementLines(text: string): { line: number; text: string }[] {
  const lines = text.split(/\r?\n/);
  const result: { line: number; text: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let joined = lines[index];
    while (joined.endsWith('\\') && index + 1 < lines.length) joined = joined.slice(0, -1) + ' ' + lines[++index];
    if (joined.endsWith('\\')) joined = joined.slice(0, -1);
    result.push({ line: start + 1, text: joined });
  }
  return result;
}

/** pip's comments: `#` at the start of a line or after a blank. */
function stripComment(text: string): string {
  const match = /(?:^|\s)#/.exec(text);
  return match ? text.slice(0, match.index) : text;
}
