/**
 * A systemd unit file (`gunicorn.service`, `celery.service`): `[Section]` headers and
 * `Key=Value` lines, `#`/`;` comments, a trailing backslash continuing a line.
 *
 * npm's INI readers (`ini`, `js-ini`) keep no positions and merge repeated keys, which systemd
 * keeps (`ExecStartPre=` twice runs twice), so the format is read here, as systemd's own
 * config parser does (src/shared/conf-parser.c). The problems are the ones `systemd-analyze
 * verify` prints for the same lines (a differential test holds the two together): an assignment
 * before any section, a line without `=`, and an invalid section header (which makes systemd
 * refuse the whole unit).
 */
import { Range } from './source-text';

export interface UnitEntry {
  key: string;
  keyRange: Range;
  /** The value with each trailing backslash replaced by a space and the next line appended, as systemd joins them. */
  value: string;
  valueRange: Range;
  line: number;
  /** The last physical line of a continued assignment (`line` when it is not continued). */
  endLine: number;
}

export interface UnitSection {
  name: string;
  /** The header line's range. */
  range: Range;
  entries: UnitEntry[];
}

export interface SystemdUnit {
  sections: UnitSection[];
  problems: { range: Range; message: string; fatal: boolean }[];
}

export function parseSystemdUnit(text: string): SystemdUnit {
  const lines = text.split(/\r\n|\r|\n/);
  const sections: UnitSection[] = [];
  const problems: SystemdUnit['problems'] = [];
  let current: UnitSection | null = null;
  for (let line = 0; line < lines.length; line++) {
    // The BOM stays one column wide, as an editor counts the first line after decoding it.
    const raw = line === 0 ? lines[0].replace(/^\uFEFF/, ' ') : lines[line];
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content === '' || content.startsWith('#') || content.startsWith(';')) continue;
    if (content.startsWith('[')) {
      const whole = { start: { line, character: lead }, end: { line, character: lead + content.length } };
      // systemd only asks that the line end with ']' (`[A]B]` names the section `A]B`).
      if (!content.endsWith(']') || content.length < 2) {
        problems.push({ range: whole, message: `invalid section header \`${content}\`: systemd refuses to load the unit`, fatal: true });
        // systemd stops reading at this line; nothing after it is reported or loaded.
        break;
      }
      current = { name: content.slice(1, -1), range: whole, entries: [] };
      sections.push(current);
      continue;
    }
    // A trailing backslash is replaced by a space and the next line (stripped) appended; comment
    // lines in between are skipped, as systemd does. A backslash on the last line is dropped.
    let value = content;
    let endLine = line;
    const comment = (candidate: string) => candidate.startsWith('#') || candidate.startsWith(';');
    while (value.endsWith('\\') && endLine + 1 < lines.length) {
      value = `${value.slice(0, -1)} `;
      endLine++;
      let next = lines[endLine].trim();
      while (comment(next) && endLine + 1 < lines.length) next = lines[++endLine].trim();
      if (comment(next)) break;
      value += next;
    }
    if (value.endsWith('\\')) value = value.slice(0, -1);
    value = value.trimEnd();
    const lastRaw = lines[endLine];
    // systemd reports a continued line at its last physical line; the range covers all of it.
    const whole = { start: { line, character: lead }, end: { line: endLine, character: lastRaw.trimEnd().length } };
    // systemd checks the section before the '=' (a stray word before any section is "outside").
    if (!current) {
      problems.push({ range: whole, message: 'an assignment outside of any section: systemd ignores it', fatal: false });
      line = endLine;
      continue;
    }
    const equals = value.indexOf('=');
    if (equals < 0) {
      problems.push({ range: whole, message: "missing '=': systemd ignores the line", fatal: false });
      line = endLine;
      continue;
    }
    const key = value.slice(0, equals).trim();
    const valueText = value.slice(equals + 1).trim();
    const equalsAt = raw.indexOf('=', lead);
    // '=' on a later physical line (`Key \` then `=value`): the value starts where the text does.
    const valueStart = equalsAt < 0 ? lead : equalsAt + 1 + (raw.slice(equalsAt + 1).length - raw.slice(equalsAt + 1).trimStart().length);
    current.entries.push({
      key,
      keyRange: { start: { line, character: lead }, end: { line, character: lead + Math.min(key.length, content.length) } },
      value: valueText,
      valueRange: { start: { line, character: valueStart }, end: { line: endLine, character: lastRaw.trimEnd().length } },
      line,
      endLine,
    });
    line = endLine;
  }
  return { sections, problems };
}

/** The last value of `key` in `section` (systemd: a later assignment of a single-valued key wins). */
export function unitValue(unit: SystemdUnit, section: string, key: string): UnitEntry | null {
  let found: UnitEntry | null = null;
  for (const candidate of unit.sections) {
    if (candidate.name !== section) continue;
    for (const entry of candidate.entries) if (entry.key === key) found = entry;
  }
  return found;
}

/** A unit that runs part of a Django deployment: its ExecStart starts a WSGI/ASGI server, Celery or manage.py. */
export function djangoProcess(unit: SystemdUnit): UnitEntry | null {
  const start = unitValue(unit, 'Service', 'ExecStart');
  return start && /\b(?:gunicorn|uvicorn|daphne|hypercorn|celery|manage\.py|django-admin|uwsgi)\b/.test(start.value) ? start : null;
}

/**
 * The values of a list-valued key (`Environment=`, `EnvironmentFile=`, `ExecStartPre=`) in order;
 * an empty assignment (`Environment=`) resets the list, as systemd.syntax(7) says.
 */
export function unitValues(unit: SystemdUnit, section: string, key: string): UnitEntry[] {
  let found: UnitEntry[] = [];
  for (const candidate of unit.sections) {
    if (candidate.name !== section) continue;
    for (const entry of candidate.entries) {
      if (entry.key !== key) continue;
      if (entry.value === '') found = [];
      else found.push(entry);
    }
  }
  return found;
}

export interface UnitEnvironmentFile {
  path: string;
  /** A leading `-`: systemd starts the service even when the file does not exist. */
  optional: boolean;
  entry: UnitEntry;
}

/** The `EnvironmentFile=` paths of the [Service] section, after resets. */
export function environmentFiles(unit: SystemdUnit): UnitEnvironmentFile[] {
  return unitValues(unit, 'Service', 'EnvironmentFile').map((entry) => {
    const optional = entry.value.startsWith('-');
    return { path: (optional ? entry.value.slice(1) : entry.value).trim(), optional, entry };
  });
}

/**
 * The variables `Environment=` sets in [Service], later assignments winning: each value is a
 * space-separated list of `NAME=value` words, a word quoted whole with `"` or `'`
 * (`Environment="A=a b" B=c`), as systemd splits it (extract_first_word with quotes).
 */
export function environmentVariables(unit: SystemdUnit): Map<string, { value: string; entry: UnitEntry }> {
  const variables = new Map<string, { value: string; entry: UnitEntry }>();
  for (const entry of unitValues(unit, 'Service', 'Environment')) {
    for (const word of splitWords(entry.value)) {
      const equals = word.indexOf('=');
      if (equals <= 0) continue;
      variables.set(word.slice(0, equals), { value: word.slice(equals + 1), entry });
    }
  }
  return variables;
}

/** Words separated by whitespace; quotes group (and are removed), a backslash escapes the next character. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && index + 1 < text.length) {
      word += text[++index];
      inWord = true;
    } else if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
