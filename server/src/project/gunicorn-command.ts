/**
 * How a command line starts Gunicorn or Uvicorn, read as their own option parsers read argv:
 * shell words (quotes, escapes; a word built from `$VAR` or `$(…)` is dynamic, its value
 * unknown), the launchers in front (`exec`, `env`, `python -m`, `poetry run`, …), then the
 * server's options, each with the offsets of its flag and value in the command text.
 *
 * Gunicorn's options are argparse's (gunicorn 20.1's table below): `--workers 4`, `--workers=4`,
 * `-w4`, `-w 4`, and a long option may be abbreviated to a unique prefix. Uvicorn's are click's:
 * no abbreviations. Shared by every place a process starts (compose, Dockerfile CMD, Procfile,
 * start scripts, systemd ExecStart).
 */

export type ServerName = 'gunicorn' | 'uvicorn';

/** Offsets in the text the command was read from; null when the word does not sit verbatim in it. */
export interface Span {
  start: number;
  end: number;
}

export interface CommandWord {
  /** The word after quote removal (what the program receives in argv). */
  text: string;
  span: Span | null;
  /** Built from a variable or a command substitution: its text is not what the program receives. */
  dynamic: boolean;
  /** The raw text, quotes included (for `sh -c '…'`). */
  raw: string;
}

export interface ServerOption {
  /** Gunicorn's setting name (`workers`, `loglevel`, `forwarded_allow_ips`); Uvicorn's options map to the same names. */
  setting: string;
  /** As written: `--reload`, `-w`, `--log-level`. */
  flag: string;
  /** Null for a flag that takes no value (`--reload`). */
  value: string | null;
  /** The value is built from a variable: unknown. */
  dynamic: boolean;
  /** The flag and its value, as one span (for a diagnostic and a removal). */
  span: Span | null;
  valueSpan: Span | null;
}

export interface ServerCommand {
  server: ServerName;
  /** The word that names the server (`gunicorn`, `/usr/local/bin/gunicorn`, `-m`'s module). */
  serverWord: CommandWord;
  options: ServerOption[];
  /** Positional words (the application: `config.wsgi:application`). */
  positional: CommandWord[];
  /** Why some of the command cannot be read (an unknown option, a dynamic word): for the trace. */
  unknown: string[];
}

interface OptionSpec {
  setting: string;
  takesValue: boolean;
}

/** Gunicorn 20.1's command-line options (gunicorn.config.KNOWN_SETTINGS' `cli`), plus -v/-h. */
const GUNICORN_OPTIONS = new Map<string, OptionSpec>();
function gunicorn(setting: string, takesValue: boolean, ...flags: string[]): void {
  for (const flag of flags) GUNICORN_OPTIONS.set(flag, { setting, takesValue });
}
gunicorn('access_log_format', true, '--access-logformat');
gunicorn('accesslog', true, '--access-logfile');
gunicorn('backlog', true, '--backlog');
gunicorn('bind', true, '-b', '--bind');
gunicorn('ca_certs', true, '--ca-certs');
gunicorn('capture_output', false, '--capture-output');
gunicorn('cert_reqs', true, '--cert-reqs');
gunicorn('certfile', true, '--certfile');
gunicorn('chdir', true, '--chdir');
gunicorn('check_config', false, '--check-config');
gunicorn('ciphers', true, '--ciphers');
gunicorn('config', true, '-c', '--config');
gunicorn('daemon', false, '-D', '--daemon');
gunicorn('disable_redirect_access_to_syslog', false, '--disable-redirect-access-to-syslog');
gunicorn('do_handshake_on_connect', false, '--do-handshake-on-connect');
gunicorn('dogstatsd_tags', true, '--dogstatsd-tags');
gunicorn('enable_stdio_inheritance', false, '-R', '--enable-stdio-inheritance');
gunicorn('errorlog', true, '--error-logfile', '--log-file');
gunicorn('forwarded_allow_ips', true, '--forwarded-allow-ips');
gunicorn('graceful_timeout', true, '--graceful-timeout');
gunicorn('group', true, '-g', '--group');
gunicorn('initgroups', false, '--initgroups');
gunicorn('keepalive', true, '--keep-alive');
gunicorn('keyfile', true, '--keyfile');
gunicorn('limit_request_field_size', true, '--limit-request-field_size');
gunicorn('limit_request_fields', true, '--limit-request-fields');
gunicorn('limit_request_line', true, '--limit-request-line');
gunicorn('logconfig', true, '--log-config');
gunicorn('logger_class', true, '--logger-class');
gunicorn('loglevel', true, '--log-level');
gunicorn('max_requests', true, '--max-requests');
gunicorn('max_requests_jitter', true, '--max-requests-jitter');
gunicorn('paste', true, '--paste', '--paster');
gunicorn('pidfile', true, '-p', '--pid');
gunicorn('preload_app', false, '--preload');
gunicorn('print_config', false, '--print-config');
gunicorn('proc_name', true, '-n', '--name');
gunicorn('proxy_allow_ips', true, '--proxy-allow-from');
gunicorn('proxy_protocol', false, '--proxy-protocol');
gunicorn('pythonpath', true, '--pythonpath');
gunicorn('raw_env', true, '-e', '--env');
gunicorn('raw_paste_global_conf', true, '--paste-global');
gunicorn('reload', false, '--reload');
gunicorn('reload_engine', true, '--reload-engine');
gunicorn('reload_extra_files', true, '--reload-extra-file');
gunicorn('reuse_port', false, '--reuse-port');
gunicorn('sendfile', false, '--no-sendfile');
gunicorn('spew', false, '--spew');
gunicorn('ssl_version', true, '--ssl-version');
gunicorn('statsd_host', true, '--statsd-host');
gunicorn('statsd_prefix', true, '--statsd-prefix');
gunicorn('strip_header_spaces', false, '--strip-header-spaces');
gunicorn('suppress_ragged_eofs', false, '--suppress-ragged-eofs');
gunicorn('syslog', false, '--log-syslog');
gunicorn('syslog_addr', true, '--log-syslog-to');
gunicorn('syslog_facility', true, '--log-syslog-facility');
gunicorn('syslog_prefix', true, '--log-syslog-prefix');
gunicorn('threads', true, '--threads');
gunicorn('timeout', true, '-t', '--timeout');
gunicorn('tolerate_dangerous_framing', false, '--tolerate-dangerous-framing');
gunicorn('umask', true, '-m', '--umask');
gunicorn('user', true, '-u', '--user');
gunicorn('worker_class', true, '-k', '--worker-class');
gunicorn('worker_connections', true, '--worker-connections');
gunicorn('worker_tmp_dir', true, '--worker-tmp-dir');
gunicorn('workers', true, '-w', '--workers');
gunicorn('version', false, '-v', '--version');
gunicorn('help', false, '-h', '--help');

/** Settings whose option appends (`-b a -b b` binds both). */
const APPENDING = new Set(['bind', 'raw_env', 'raw_paste_global_conf', 'reload_extra_files']);

/** Uvicorn's options (click), mapped to Gunicorn's setting names where they mean the same. */
const UVICORN_OPTIONS = new Map<string, OptionSpec>();
function uvicorn(setting: string, takesValue: boolean, ...flags: string[]): void {
  for (const flag of flags) UVICORN_OPTIONS.set(flag, { setting, takesValue });
}
uvicorn('host', true, '--host');
uvicorn('port', true, '--port');
uvicorn('uds', true, '--uds');
uvicorn('fd', true, '--fd');
uvicorn('reload', false, '--reload');
uvicorn('reload_dirs', true, '--reload-dir');
uvicorn('reload_includes', true, '--reload-include');
uvicorn('reload_excludes', true, '--reload-exclude');
uvicorn('reload_delay', true, '--reload-delay');
uvicorn('workers', true, '--workers');
uvicorn('loop', true, '--loop');
uvicorn('http', true, '--http');
uvicorn('ws', true, '--ws');
uvicorn('ws_max_size', true, '--ws-max-size');
uvicorn('ws_max_queue', true, '--ws-max-queue');
uvicorn('ws_ping_interval', true, '--ws-ping-interval');
uvicorn('ws_ping_timeout', true, '--ws-ping-timeout');
uvicorn('ws_per_message_deflate', true, '--ws-per-message-deflate');
uvicorn('lifespan', true, '--lifespan');
uvicorn('interface', true, '--interface');
uvicorn('env_file', true, '--env-file');
uvicorn('logconfig', true, '--log-config');
uvicorn('loglevel', true, '--log-level');
uvicorn('access_log', false, '--access-log', '--no-access-log');
uvicorn('use_colors', false, '--use-colors', '--no-use-colors');
uvicorn('proxy_headers', false, '--proxy-headers', '--no-proxy-headers');
uvicorn('server_header', false, '--server-header', '--no-server-header');
uvicorn('date_header', false, '--date-header', '--no-date-header');
uvicorn('forwarded_allow_ips', true, '--forwarded-allow-ips');
uvicorn('root_path', true, '--root-path');
uvicorn('limit_concurrency', true, '--limit-concurrency');
uvicorn('backlog', true, '--backlog');
uvicorn('limit_max_requests', true, '--limit-max-requests');
uvicorn('timeout_keep_alive', true, '--timeout-keep-alive');
uvicorn('timeout_graceful_shutdown', true, '--timeout-graceful-shutdown');
uvicorn('ssl_keyfile', true, '--ssl-keyfile');
uvicorn('ssl_certfile', true, '--ssl-certfile');
uvicorn('ssl_keyfile_password', true, '--ssl-keyfile-password');
uvicorn('ssl_version', true, '--ssl-version');
uvicorn('ssl_cert_reqs', true, '--ssl-cert-reqs');
uvicorn('ssl_ca_certs', true, '--ssl-ca-certs');
uvicorn('ssl_ciphers', true, '--ssl-ciphers');
uvicorn('headers', true, '--header');
uvicorn('app_dir', true, '--app-dir');
uvicorn('h11_max_incomplete_event_size', true, '--h11-max-incomplete-event-size');
uvicorn('factory', false, '--factory');
uvicorn('version', false, '--version');
uvicorn('help', false, '--help');

/** Words a start command may put before the server: they run it, with its argv after them. */
const PREFIXES = new Set(['exec', 'nohup', 'ddtrace-run', 'opentelemetry-instrument', 'dumb-init', 'tini', 'chpst']);
/** `poetry run gunicorn`, `newrelic-admin run-program gunicorn`. */
const RUNNERS = new Map([
  ['poetry', 'run'],
  ['pipenv', 'run'],
  ['uv', 'run'],
  ['pdm', 'run'],
  ['hatch', 'run'],
  ['rye', 'run'],
  ['newrelic-admin', 'run-program'],
]);
/** `gosu app gunicorn`, `su-exec app gunicorn`: a user, then the command. */
const USER_SWITCHERS = new Set(['gosu', 'su-exec']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * Shell words of a command text, split into simple commands at `;`, `&&`, `||`, `|`, `&` and line
 * breaks; `#` at the start of a word comments out the rest of the line. Offsets are relative to
 * `text` plus `offset`.
 */
export function shellCommands(text: string, offset = 0): CommandWord[][] {
  const commands: CommandWord[][] = [];
  let current: CommandWord[] = [];
  let index = 0;
  const flush = () => {
    if (current.length) commands.push(current);
    current = [];
  };
  while (index < text.length) {
    const char = text[index];
    if (char === ' ' || char === '\t' || char === '\r') {
      index++;
      continue;
    }
    if (char === '\\' && text[index + 1] === '\n') {
      index += 2;
      continue;
    }
    if (char === '\n' || char === ';' || char === '|' || char === '&' || char === '(' || char === ')') {
      flush();
      index++;
      continue;
    }
    if (char === '#') {
      while (index < text.length && text[index] !== '\n') index++;
      continue;
    }
    const start = index;
    let value = '';
    let dynamic = false;
    let verbatim = true;
    while (index < text.length && !/[\s;|&()]/.test(text[index])) {
      const c = text[index];
      if (c === "'") {
        const close = text.indexOf("'", index + 1);
        const end = close < 0 ? text.length : close;
        value += text.slice(index + 1, end);
        index = end + 1;
      } else if (c === '"') {
        index++;
        while (index < text.length && text[index] !== '"') {
          if (text[index] === '\\' && /["\\$`\n]/.test(text[index + 1] ?? '')) {
            value += text[index + 1];
            index += 2;
            verbatim = false;
            continue;
          }
          if (text[index] === '$' || text[index] === '`') dynamic = true;
          value += text[index++];
        }
        index++;
      } else if (c === '\\') {
        value += text[index + 1] ?? '';
        index += 2;
        verbatim = false;
      } else if (c === '$' && text[index + 1] === '(') {
        // A command substitution is one word here, whatever it holds.
        dynamic = true;
        let depth = 0;
        while (index < text.length) {
          if (text[index] === '(') depth++;
          if (text[index] === ')' && --depth === 0) break;
          value += text[index++];
        }
        value += text[index++] ?? '';
      } else {
        if (c === '$' || c === '`') dynamic = true;
        value += c;
        index++;
      }
    }
    // An unterminated quote or substitution ran past the end: the shell would reject the line.
    if (index > text.length) {
      index = text.length;
      verbatim = false;
    }
    const raw = text.slice(start, index);
    current.push({ text: value, raw, dynamic, span: verbatim ? { start: offset + start, end: offset + index } : null });
  }
  flush();
  return commands;
}

/** Words without positions (a Dockerfile's exec form, a compose list). */
export function plainWords(words: readonly string[]): CommandWord[] {
  return words.map((word) => ({ text: word, raw: word, span: null, dynamic: /\$/.test(word) }));
}

/** Every Gunicorn or Uvicorn start in a command text (a script, a compose `command:`, a Procfile line). */
export function serverCommandsInText(text: string, offset = 0): ServerCommand[] {
  return shellCommands(text, offset).flatMap((words) => serverCommandsInWords(words));
}

/** The server a simple command starts, following launchers and `sh -c '…'`; empty when it starts none. */
export function serverCommandsInWords(words: readonly CommandWord[]): ServerCommand[] {
  let index = 0;
  while (index < words.length) {
    const word = words[index];
    const name = basename(word.text);
    if (ASSIGNMENT.test(word.text) || PREFIXES.has(name)) {
      index++;
      // tini's and dumb-init's own options, `tini --`.
      while (index < words.length && words[index].text.startsWith('-') && (name === 'tini' || name === 'dumb-init')) index++;
      continue;
    }
    if (name === 'env') {
      index++;
      while (index < words.length && (words[index].text.startsWith('-') || ASSIGNMENT.test(words[index].text))) index++;
      continue;
    }
    if (RUNNERS.has(name) && words[index + 1]?.text === RUNNERS.get(name)) {
      index += 2;
      continue;
    }
    if (USER_SWITCHERS.has(name)) {
      index += 2;
      continue;
    }
    if (SHELLS.has(name)) {
      const dashC = words.findIndex((candidate, at) => at > index && /^-[a-z]*c[a-z]*$/.test(candidate.text));
      const script = dashC > 0 ? words[dashC + 1] : undefined;
      if (!script) return [];
      // The script's own offsets are known when it is one quoted string written verbatim.
      const quoted = script.span !== null && /^(['"]).*\1$/s.test(script.raw) && !script.dynamic;
      const inner = quoted ? script.raw.slice(1, -1) : script.text;
      const found = serverCommandsInText(inner, quoted ? script.span!.start + 1 : 0);
      return quoted ? found : found.map(withoutSpans);
    }
    if (/^python(\d+(\.\d+)?)?$/.test(name)) {
      const module = words.findIndex((candidate, at) => at > index && candidate.text === '-m');
      const target = module > 0 ? words[module + 1] : undefined;
      if (target && (target.text === 'gunicorn' || target.text === 'uvicorn')) return [readServerArgs(target.text, target, words.slice(module + 2))];
      return [];
    }
    if (name === 'gunicorn' || name === 'gunicorn3') return [readServerArgs('gunicorn', word, words.slice(index + 1))];
    if (name === 'uvicorn') return [readServerArgs('uvicorn', word, words.slice(index + 1))];
    return [];
  }
  return [];
}

function withoutSpans(command: ServerCommand): ServerCommand {
  const strip = (word: CommandWord): CommandWord => ({ ...word, span: null });
  return {
    ...command,
    serverWord: strip(command.serverWord),
    positional: command.positional.map(strip),
    options: command.options.map((option) => ({ ...option, span: null, valueSpan: null })),
  };
}

function lookup(server: ServerName, flag: string): { flag: string; spec: OptionSpec } | { ambiguous: string[] } | null {
  const table = server === 'gunicorn' ? GUNICORN_OPTIONS : UVICORN_OPTIONS;
  const exact = table.get(flag);
  if (exact) return { flag, spec: exact };
  // argparse takes a unique prefix of a long option; click does not.
  if (server !== 'gunicorn' || !flag.startsWith('--')) return null;
  const candidates = [...table.keys()].filter((known) => known.startsWith(flag));
  if (candidates.length === 1) return { flag: candidates[0], spec: table.get(candidates[0])! };
  return candidates.length > 1 ? { ambiguous: candidates } : null;
}

function join(a: Span | null, b: Span | null): Span | null {
  return a && b ? { start: a.start, end: b.end } : null;
}

/** The server's argv after its name, read as its parser reads it. */
export function readServerArgs(server: ServerName, serverWord: CommandWord, args: readonly CommandWord[]): ServerCommand {
  const options: ServerOption[] = [];
  const positional: CommandWord[] = [];
  const unknown: string[] = [];
  let endOfOptions = false;
  for (let index = 0; index < args.length; index++) {
    const word = args[index];
    if (endOfOptions || !word.text.startsWith('-') || word.text === '-') {
      if (word.dynamic && !endOfOptions && word.text.startsWith('$')) unknown.push(`\`${word.raw}\` is a variable: it may hold options`);
      positional.push(word);
      continue;
    }
    if (word.text === '--') {
      endOfOptions = true;
      continue;
    }
    if (word.dynamic) unknown.push(`\`${word.raw}\` is built from a variable`);
    const long = word.text.startsWith('--');
    const equals = long ? word.text.indexOf('=') : -1;
    const written = equals > 0 ? word.text.slice(0, equals) : long ? word.text : word.text.slice(0, 2);
    const found = lookup(server, written);
    if (!found || 'ambiguous' in found) {
      unknown.push(found ? `\`${written}\` is ambiguous (${found.ambiguous.join(', ')})` : `\`${written}\` is not a ${server} option this reading knows`);
      continue;
    }
    const { spec } = found;
    if (!spec.takesValue) {
      options.push({ setting: spec.setting, flag: written, value: null, dynamic: false, span: word.span, valueSpan: null });
      continue;
    }
    // The value: after `=`, attached to a short option (`-w4`), or the next word.
    const attached = equals > 0 ? word.text.slice(equals + 1) : !long && word.text.length > 2 ? word.text.slice(2) : null;
    if (attached !== null) {
      // Exact only when the word is written without quotes.
      const valueSpan = word.span && word.raw === word.text ? { start: word.span.start + (equals > 0 ? equals + 1 : 2), end: word.span.end } : null;
      options.push({ setting: spec.setting, flag: written, value: attached, dynamic: word.dynamic, span: word.span, valueSpan });
      continue;
    }
    const next = args[index + 1];
    if (!next) {
      unknown.push(`\`${written}\` has no value`);
      continue;
    }
    index++;
    options.push({ setting: spec.setting, flag: written, value: next.text, dynamic: next.dynamic, span: join(word.span, next.span), valueSpan: next.span });
  }
  return { server, serverWord, options, positional, unknown };
}

/** `GUNICORN_CMD_ARGS`, split as gunicorn does (shlex), without positions. */
export function gunicornEnvArgs(value: string): ServerCommand {
  const words = shellCommands(value).flat().map((word) => ({ ...word, span: null }));
  return readServerArgs('gunicorn', { text: 'GUNICORN_CMD_ARGS', raw: 'GUNICORN_CMD_ARGS', span: null, dynamic: false }, words);
}

/** The last occurrence of a setting wins (argparse stores the last), except the appending ones. */
export function optionValues(command: ServerCommand, setting: string): ServerOption[] {
  const matching = command.options.filter((option) => option.setting === setting);
  if (matching.length === 0) return [];
  return APPENDING.has(setting) ? matching : [matching[matching.length - 1]];
}
