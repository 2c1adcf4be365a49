import { finalImage, finalStages } from '../parse/dockerfile';
import { composeApplications } from '../project/compose-application';
import { containerStart, dockerfilePath } from '../project/entrypoint-exports';
import { productionLinks } from '../project/production';
import { productionSettings } from '../settings/project-settings';
import { hasMiddleware, isTrue } from './shared/settings-findings';
import { Rule } from './rule';

const WHITENOISE_MIDDLEWARE = 'whitenoise.middleware.WhiteNoiseMiddleware';
const COLLECTSTATIC = /\bcollectstatic\b/;
/** What an image that runs Django installs or starts. */
const DJANGO_IMAGE = /\b(?:manage\.py|django-admin|gunicorn|uvicorn|daphne|hypercorn|granian|[Dd]jango\b)/;
/** A start word that is a script of the image (`/start`, `./entrypoint.sh`), whose text Preflight may not have. */
const SCRIPT_WORD = /^(?:\.{0,2}\/(?!usr\/|bin\/|opt\/venv\/bin\/)\S+|\S+\.sh)$/;

export const rule: Rule = {
  meta: {
    code: 'DJ724',
    name: 'collectstatic-missing',
    description: "WhiteNoise serves production's static files, but the Django image's Dockerfile runs collectstatic neither in a RUN nor at start (its CMD/ENTRYPOINT, the start script it runs, the compose command).",
    category: 'data',
    severity: 'warning',
    checklistItem: 'Collect static files (`python manage.py collectstatic`)',
    djangoCheck: null,
  },
  checkDockerfile(dockerfile, { file, project, report }) {
    const settings = productionSettings(project);
    if (!settings || hasMiddleware(settings, WHITENOISE_MIDDLEWARE) !== true) return;
    // With WHITENOISE_USE_FINDERS, WhiteNoise serves the apps' static folders without collectstatic.
    const finders = settings.get('WHITENOISE_USE_FINDERS');
    if (finders.state !== 'default' && !(finders.state === 'set' && finders.value.kind === 'bool' && !isTrue(finders.value))) return;
    if (dockerfile.stages.some((stage) => stage.runs.some((run) => COLLECTSTATIC.test(run.command)))) return;
    const image = finalImage(dockerfile);
    const built = composeApplications(project).flatMap((application) => application.services).filter((service) => dockerfilePath(service) === file.path);
    const starts: { words: string[]; script: string | null }[] = [];
    if (built.length > 0) {
      // An image of another service (nginx, a front end) collects nothing of Django's.
      const django = built.filter((service) => productionLinks(project).djangoServices.includes(service));
      if (django.length === 0) return;
      for (const service of django) {
        for (const command of containerStart(project, service).commands) starts.push({ words: command.words, script: command.script?.text ?? null });
      }
    } else {
      const stages = finalStages(dockerfile);
      const written = [...stages.flatMap((stage) => stage.runs.map((run) => run.command)), image.entrypoint?.words.join(' ') ?? '', image.cmd?.words.join(' ') ?? ''].join('\n');
      if (!DJANGO_IMAGE.test(written)) return;
      for (const command of [image.entrypoint, image.cmd]) if (command) starts.push({ words: command.words, script: null });
    }
    if (starts.length === 0) return;
    for (const start of starts) {
      if (COLLECTSTATIC.test(start.words.join(' ')) || (start.script !== null && COLLECTSTATIC.test(start.script))) return;
      // A start script Preflight has not read may collect: unknown, so no finding.
      if (start.script === null && start.words.some((word) => SCRIPT_WORD.test(word.replace(/^["']|["';]+$/g, '')))) return;
    }
    const stages = finalStages(dockerfile);
    const at = image.cmd?.range ?? image.entrypoint?.range ?? stages[stages.length - 1].fromRange;
    report({
      range: at,
      message: `WhiteNoise serves the static files from STATIC_ROOT (${WHITENOISE_MIDDLEWARE} is in production's MIDDLEWARE), but this image runs collectstatic neither at build (RUN) nor at start: STATIC_ROOT stays empty and every stylesheet, script and admin asset answers 404 (with a manifest storage, pages fail with a server error). Add \`RUN python manage.py collectstatic --noinput\` after the code is copied, or run it in the start command.`,
    });
  },
};
