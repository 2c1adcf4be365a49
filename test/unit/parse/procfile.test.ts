import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProcfile, settingsModuleOfCommand } from '../../../server/src/parse/procfile';

describe('parseProcfile', () => {
  it('reads processes with the ranges of name and command', () => {
    const { processes, problems } = parseProcfile('# Heroku\n\nweb: gunicorn config.wsgi  \n  worker:celery -A config worker\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      processes.map((p) => [p.name, p.command, p.line, p.nameRange.start.character, p.commandRange.start.character, p.commandRange.end.character]),
      [
        ['web', 'gunicorn config.wsgi', 2, 0, 5, 25],
        ['worker', 'celery -A config worker', 3, 2, 9, 32],
      ],
    );
  });

  it('keeps columns on CRLF lines and after a BOM', () => {
    const crlf = parseProcfile('release: ./migrate.sh\r\nweb: gunicorn app\r\n');
    assert.deepEqual(crlf.processes.map((p) => [p.name, p.command, p.line]), [['release', './migrate.sh', 0], ['web', 'gunicorn app', 1]]);
    const bom = parseProcfile('\uFEFFweb: gunicorn app\n').processes[0];
    assert.deepEqual([bom.nameRange.start.character, bom.commandRange.start.character], [1, 6]);
  });

  it('reports lines that are not `name: command`, and keeps reading', () => {
    const { processes, problems } = parseProcfile('gunicorn app\nweb:\nweb: gunicorn app\n\u0000\u0001binary: junk\n');
    assert.deepEqual(problems.map((p) => [p.range.start.line, p.message.slice(0, 20)]), [
      [0, 'this line is not `na'],
      [1, 'process `web` has no'],
      [3, 'this line is not `na'],
    ]);
    assert.deepEqual(processes.map((p) => p.name), ['web']);
  });

  it('reads a huge file in linear time without crashing', () => {
    const text = 'web: gunicorn app\n'.repeat(50_000) + 'x'.repeat(1_000_000);
    const parsed = parseProcfile(text);
    assert.equal(parsed.processes.length, 50_000);
    assert.equal(parsed.problems.length, 1);
  });
});

describe('settingsModuleOfCommand', () => {
  const cases: [string, string | null][] = [
    ['gunicorn config.wsgi', null],
    ['python manage.py runserver --settings=shop.settings.prod', 'shop.settings.prod'],
    ['python manage.py migrate --settings shop.settings.prod', 'shop.settings.prod'],
    ['DJANGO_SETTINGS_MODULE=shop.settings.heroku gunicorn shop.wsgi', 'shop.settings.heroku'],
    ['export DJANGO_SETTINGS_MODULE="shop.settings.heroku"; gunicorn shop.wsgi', 'shop.settings.heroku'],
    ['gunicorn shop.wsgi --settings-file x', null],
    ['MY_DJANGO_SETTINGS_MODULE=x gunicorn app', null],
  ];
  for (const [command, expected] of cases) it(command, () => assert.equal(settingsModuleOfCommand(command), expected));
});
