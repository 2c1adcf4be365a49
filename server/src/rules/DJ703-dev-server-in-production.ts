import type { ComposeCommand } from '../parse/compose';
import { productionLinks } from '../project/production';
import { unitValue, unitValues } from '../parse/systemd-unit';
import { serverCommandsInText } from '../project/gunicorn-command';
import { fileServices } from './shared/compose-services';
import { Fix, Rule } from './rule';

const DEV_SERVER = /\b(?:manage\.py\s+(runserver_plus|runserver)|django-admin\s+(runserver))\b/;
const RELOAD = /(?:^|\s)(--reload)(?:\s|=|$)/;

/** --reload of another server (hypercorn, daphne's autoreload, flask); Gunicorn's and Uvicorn's is DJ730's, on the flag. */
function otherServerReload(command: string): boolean {
  if (!RELOAD.test(command)) return false;
  return !serverCommandsInText(command).some((server) => server.options.some((option) => option.setting === 'reload'));
}

export const rule: Rule = {
  meta: {
    code: 'DJ703',
    name: 'dev-server-in-production',
    description: 'A service, a Procfile process or a systemd unit runs Django\'s development server (runserver, runserver_plus), or a server other than Gunicorn and Uvicorn (theirs is DJ730) with --reload.',
    category: 'compose',
    severity: 'error',
    checklistItem: 'Use a production WSGI/ASGI server (gunicorn, uvicorn)',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    for (const { service } of fileServices(project, file, compose)) {
      for (const command of [service.entrypoint, service.command]) {
        if (!command || command.inherited) continue;
        const server = DEV_SERVER.exec(command.text);
        if (server) {
          report({
            range: command.range,
            message: `Service \`${service.name}\` runs \`${server[0]}\`, Django's development server: it is single-process, unhardened and not meant to face traffic ("do not use this server in a production setting").`,
            fixes: gunicornFix(file.path, command, wsgiModule(project)),
          });
          continue;
        }
        if (otherServerReload(command.text)) {
          report({
            range: command.range,
            message: `Service \`${service.name}\` starts its server with --reload: it watches the source for changes, which costs CPU and restarts workers mid-request; reloading is for development.`,
          });
        }
      }
    }
  },
  checkProcfile(procfile, { file, project, report }) {
    for (const process of procfile.processes) {
      const server = DEV_SERVER.exec(process.command);
      if (server) {
        report({
          range: process.commandRange,
          message: `Process \`${process.name}\` runs \`${server[0]}\`, Django's development server: it is single-process, unhardened and not meant to face traffic ("do not use this server in a production setting").`,
          fixes:
            process.name === 'web'
              ? [{ title: `Run gunicorn ${wsgiModule(project)} instead`, safe: false, preferred: true, edits: [{ path: file.path, range: process.commandRange, newText: `gunicorn ${wsgiModule(project)}:application` }] }]
              : [],
        });
        continue;
      }
      if (otherServerReload(process.command)) {
        report({
          range: process.commandRange,
          message: `Process \`${process.name}\` starts its server with --reload: it watches the source for changes, which costs CPU and restarts workers mid-request; reloading is for development.`,
        });
      }
    }
  },
  checkSystemdUnit(unit, { file, project, report }) {
    const workingDirectory = unitValue(unit, 'Service', 'WorkingDirectory');
    for (const start of unitValues(unit, 'Service', 'ExecStart')) {
      const server = DEV_SERVER.exec(start.value);
      if (server) {
        const command = gunicornExecStart(start.value, wsgiModule(project), workingDirectory !== null);
        report({
          range: start.valueRange,
          message: `This unit runs \`${server[0]}\`, Django's development server: it is single-process, unhardened and not meant to face traffic ("do not use this server in a production setting").`,
          fixes: command
            ? [{ title: 'Run gunicorn from the same virtual environment instead', safe: false, preferred: true, edits: [{ path: file.path, range: start.valueRange, newText: command }] }]
            : [],
        });
        continue;
      }
      if (RELOAD.test(start.value)) {
        report({
          range: start.valueRange,
          message: 'This unit starts its server with --reload: it watches the source for changes, which costs CPU and restarts workers mid-request; reloading is for development.',
        });
      }
    }
  },
};

/**
 * `/srv/app/venv/bin/python /srv/app/manage.py runserver 0.0.0.0:8000` ->
 * `/srv/app/venv/bin/gunicorn --chdir /srv/app --bind 0.0.0.0:8000 config.wsgi:application`:
 * gunicorn sits beside the interpreter in a virtual environment, binds where runserver did
 * (runserver's default is 127.0.0.1:8000) and runs where manage.py is. Anything else on the line
 * (other options, a shell wrapper, a bare `python`) has no mechanical translation: no fix.
 */
function gunicornExecStart(value: string, module: string, hasWorkingDirectory: boolean): string | null {
  const match = /^([-@:+!]*)(\/\S*\/)python[\d.]*\s+(\S*?)manage\.py\s+runserver(?:\s+(\S+))?$/.exec(value);
  if (!match) return null;
  const [, prefix, binDirectory, projectDirectory, address] = match;
  const bind = !address ? '127.0.0.1:8000' : /^\d+$/.test(address) ? `127.0.0.1:${address}` : address;
  if (address?.startsWith('-') || !/^[\w.:[\]-]+$/.test(bind)) return null;
  // manage.py at an absolute path: gunicorn runs there. A bare manage.py is found from
  // WorkingDirectory= (without one systemd starts in /, where there is none); a relative
  // `src/manage.py` is left to the author.
  if (projectDirectory === '' ? !hasWorkingDirectory : !projectDirectory.startsWith('/')) return null;
  const chdir = projectDirectory === '' ? '' : ` --chdir ${projectDirectory.replace(/\/$/, '')}`;
  return `${prefix}${binDirectory}gunicorn${chdir} --bind ${bind} ${module}:application`;
}

/** `config.settings.production` -> `config.wsgi`, cookiecutter's and startproject's layout. */
function wsgiModule(project: Parameters<typeof productionLinks>[0]): string {
  const settings = productionLinks(project).settings?.module;
  const parts = settings?.split('.') ?? [];
  const index = parts.indexOf('settings');
  return index > 0 ? `${parts.slice(0, index).join('.')}.wsgi` : 'config.wsgi';
}

function gunicornFix(path: string, command: ComposeCommand, module: string): Fix[] {
  if (command.form !== 'string') return [];
  return [
    {
      title: `Run gunicorn ${module} instead`,
      // The WSGI module is a guess from the settings module: review before applying.
      safe: false,
      preferred: true,
      edits: [{ path, range: command.range, newText: `gunicorn ${module}:application --bind 0.0.0.0:8000` }],
    },
  ];
}
