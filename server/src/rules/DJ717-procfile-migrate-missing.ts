import { composeApplications } from '../project/compose-application';
import { containerStart } from '../project/entrypoint-exports';
import { Rule } from './rule';

/** `manage.py migrate`, `django-admin migrate`: what applies the migrations at a release. */
const MIGRATE = /\b(?:manage\.py|django-admin)\s+migrate\b/;

export const rule: Rule = {
  meta: {
    code: 'DJ717',
    name: 'procfile-migrate-missing',
    description: 'A Procfile runs a web process but no process (release: or the web command itself) applies the migrations, and no production container start does either.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Run migrations on production database',
    djangoCheck: null,
  },
  checkProcfile(procfile, { file, project, report }) {
    const web = procfile.processes.find((process) => process.name === 'web');
    if (!web || procfile.processes.some((process) => MIGRATE.test(process.command))) return;
    // A production container that migrates at start (cookiecutter's /start runs migrate) covers it.
    for (const application of composeApplications(project)) {
      if (application.file.context !== 'production') continue;
      for (const service of application.services) {
        const starts = containerStart(project, service).commands;
        if (starts.some((command) => MIGRATE.test(command.words.join(' ')) || (command.script !== null && MIGRATE.test(command.script.text)))) return;
      }
    }
    const last = procfile.processes[procfile.processes.length - 1];
    const end = { line: last.line, character: last.commandRange.end.character };
    report({
      range: web.nameRange,
      message: 'The Procfile runs `web` but nothing applies the migrations at a release: a deploy whose code expects a new column serves errors until someone runs `manage.py migrate` by hand. Heroku and Render run a `release:` process before the new code takes traffic.',
      fixes: [
        {
          title: 'Add `release: python manage.py migrate --noinput`',
          // Safe to write, but it changes what every deploy does: a suggestion to review.
          safe: false,
          preferred: true,
          edits: [{ path: file.path, range: { start: end, end }, newText: `${procfile.source.eol}release: python manage.py migrate --noinput` }],
        },
      ],
    });
  },
};

