/**
 * Reading a start command as Gunicorn's argparse and Uvicorn's click read argv: the launchers in
 * front, the options with the offsets of flag and value, and what cannot be known. Bad input
 * yields no command or unknown notes, never a throw.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunicornEnvArgs, optionValues, serverCommandsInText, shellCommands } from '../../../server/src/project/gunicorn-command';
import { seededRandom } from '../seeded-random';

/** The settings a command sets, `setting=value` (value null: a flag), with the text of each option's span. */
function read(text: string): { server: string; options: string[]; spans: string[]; unknown: string[] }[] {
  return serverCommandsInText(text).map((command) => ({
    server: command.server,
    options: command.options.map((option) => `${option.setting}=${option.value ?? ''}${option.dynamic ? ' (dynamic)' : ''}`),
    spans: command.options.map((option) => (option.span ? text.slice(option.span.start, option.span.end) : '-')),
    unknown: command.unknown,
  }));
}

describe('gunicorn and uvicorn command lines', () => {
  const table: [string, ReturnType<typeof read>][] = [
    ['gunicorn config.wsgi', [{ server: 'gunicorn', options: [], spans: [], unknown: [] }]],
    [
      'gunicorn config.wsgi:application --bind 0.0.0.0:8000 -w 3 --reload',
      [{ server: 'gunicorn', options: ['bind=0.0.0.0:8000', 'workers=3', 'reload='], spans: ['--bind 0.0.0.0:8000', '-w 3', '--reload'], unknown: [] }],
    ],
    ['gunicorn -w4 --timeout=60 app', [{ server: 'gunicorn', options: ['workers=4', 'timeout=60'], spans: ['-w4', '--timeout=60'], unknown: [] }]],
    ['gunicorn --work 2 app', [{ server: 'gunicorn', options: [], spans: [], unknown: ['`--work` is ambiguous (--worker-class, --worker-connections, --worker-tmp-dir, --workers)'] }]],
    ['gunicorn --log-lev DEBUG app', [{ server: 'gunicorn', options: ['loglevel=DEBUG'], spans: ['--log-lev DEBUG'], unknown: [] }]],
    ["gunicorn --forwarded-allow-ips '*' app", [{ server: 'gunicorn', options: ['forwarded_allow_ips=*'], spans: ["--forwarded-allow-ips '*'"], unknown: [] }]],
    ['gunicorn app -w $WORKERS', [{ server: 'gunicorn', options: ['workers=$WORKERS (dynamic)'], spans: ['-w $WORKERS'], unknown: [] }]],
    ['gunicorn app $GUNICORN_FLAGS', [{ server: 'gunicorn', options: [], spans: [], unknown: ['`$GUNICORN_FLAGS` is a variable: it may hold options'] }]],
    ['gunicorn app --frobnicate', [{ server: 'gunicorn', options: [], spans: [], unknown: ['`--frobnicate` is not a gunicorn option this reading knows'] }]],
    ['gunicorn app -w', [{ server: 'gunicorn', options: [], spans: [], unknown: ['`-w` has no value'] }]],
    ['gunicorn app -- --reload', [{ server: 'gunicorn', options: [], spans: [], unknown: [] }]],
    // Launchers in front of the server.
    ['exec gunicorn app --reload', [{ server: 'gunicorn', options: ['reload='], spans: ['--reload'], unknown: [] }]],
    ['env DJANGO_SETTINGS_MODULE=x.prod PYTHONUNBUFFERED=1 /usr/local/bin/gunicorn app -w 2', [{ server: 'gunicorn', options: ['workers=2'], spans: ['-w 2'], unknown: [] }]],
    ['python -m gunicorn app --reload', [{ server: 'gunicorn', options: ['reload='], spans: ['--reload'], unknown: [] }]],
    ['poetry run uvicorn app:app --reload --log-level trace', [{ server: 'uvicorn', options: ['reload=', 'loglevel=trace'], spans: ['--reload', '--log-level trace'], unknown: [] }]],
    ['newrelic-admin run-program gunicorn app -k gevent', [{ server: 'gunicorn', options: ['worker_class=gevent'], spans: ['-k gevent'], unknown: [] }]],
    ['gosu app gunicorn app -t 90', [{ server: 'gunicorn', options: ['timeout=90'], spans: ['-t 90'], unknown: [] }]],
    // Several commands, a shell script given to sh -c.
    ['python manage.py migrate && gunicorn app --reload', [{ server: 'gunicorn', options: ['reload='], spans: ['--reload'], unknown: [] }]],
    ["sh -c 'python manage.py collectstatic --noinput; exec gunicorn app -w 1'", [{ server: 'gunicorn', options: ['workers=1'], spans: ['-w 1'], unknown: [] }]],
    ['bash -c "uvicorn app:app --reload"', [{ server: 'uvicorn', options: ['reload='], spans: ['--reload'], unknown: [] }]],
    // Uvicorn (click): no abbreviations.
    ['uvicorn app:app --host 0.0.0.0 --port=8000 --workers 4', [{ server: 'uvicorn', options: ['host=0.0.0.0', 'port=8000', 'workers=4'], spans: ['--host 0.0.0.0', '--port=8000', '--workers 4'], unknown: [] }]],
    ['uvicorn app:app --rel', [{ server: 'uvicorn', options: [], spans: [], unknown: ['`--rel` is not a uvicorn option this reading knows'] }]],
    // Quoting: the value as argv gets it; a quoted value's span covers its quotes.
    ['gunicorn "--log-level=debug" app', [{ server: 'gunicorn', options: ['loglevel=debug'], spans: ['"--log-level=debug"'], unknown: [] }]],
    // Not a server.
    ['python manage.py runserver 0.0.0.0:8000', []],
    ['celery -A config worker -l info', []],
    ['echo gunicorn --reload', []],
    ['# gunicorn app --reload', []],
    ['', []],
  ];
  for (const [text, expected] of table) it(JSON.stringify(text), () => assert.deepEqual(read(text), expected));

  it('the last value of an option wins, except bind, which appends', () => {
    const [command] = serverCommandsInText('gunicorn app -w 2 -w 5 -b a:1 --bind b:2');
    assert.deepEqual(optionValues(command, 'workers').map((option) => option.value), ['5']);
    assert.deepEqual(optionValues(command, 'bind').map((option) => option.value), ['a:1', 'b:2']);
  });

  it('an attached value has the span of the value alone', () => {
    const text = 'gunicorn app --log-level=debug -w4';
    const [command] = serverCommandsInText(text);
    assert.deepEqual(command.options.map((option) => text.slice(option.valueSpan!.start, option.valueSpan!.end)), ['debug', '4']);
  });

  it('offsets count from the given start (a Procfile line, a compose value)', () => {
    const [command] = serverCommandsInText('gunicorn app --reload', 10);
    assert.deepEqual(command.options[0].span, { start: 23, end: 31 });
  });

  it('reads GUNICORN_CMD_ARGS as gunicorn splits it', () => {
    const args = gunicornEnvArgs("--workers 3 --forwarded-allow-ips='*' -c conf/gunicorn.py");
    assert.deepEqual(args.options.map((option) => `${option.setting}=${option.value}`), ['workers=3', 'forwarded_allow_ips=*', 'config=conf/gunicorn.py']);
    assert.equal(args.options[0].span, null);
  });

  it('splits simple commands at operators and line ends, keeps a line continuation', () => {
    assert.deepEqual(shellCommands('a b; c | d\ne \\\nf').map((words) => words.map((word) => word.text)), [['a', 'b'], ['c'], ['d'], ['e', 'f']]);
  });

  it('never throws on arbitrary text', () => {
    const random = seededRandom(730);
    const alphabet = ['gunicorn', 'uvicorn', ' ', '-', '--', '=', "'", '"', '\\', '$', '$(', ')', '(', ';', '&', '|', '\n', '\r\n', 'w', 'reload', 'sh -c ', 'python -m ', '#', '`'];
    for (let index = 0; index < 2000; index++) {
      let text = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      for (const command of serverCommandsInText(text)) {
        for (const option of command.options) {
          if (option.span) assert.ok(option.span.start >= 0 && option.span.end <= text.length && option.span.start <= option.span.end, JSON.stringify(text));
        }
      }
    }
  });
});
