import * as path from 'path';
import { LOCK_FILE_NAMES } from '../parse/python-dependencies';
import { SourceText } from '../parse/source-text';
import { productionDependencies } from '../project/production-dependencies';
import { reportMissingMiddleware } from './shared/middleware-setting';
import { Rule } from './rule';

const WHITENOISE_MIDDLEWARE = 'whitenoise.middleware.WhiteNoiseMiddleware';

export const rule: Rule = {
  meta: {
    code: 'DJ744',
    name: 'whitenoise-not-in-middleware',
    description: 'whitenoise is a production dependency but the production MIDDLEWARE lacks WhiteNoiseMiddleware, so it serves no static files.',
    category: 'hygiene',
    severity: 'info',
    checklistItem: 'Configure WhiteNoise',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    if (!settings.isProduction) return;
    const { project } = context;
    const dependencies = productionDependencies(project);
    // Declared by name, not locked as what another package pulls in: django-heroku and the like configure it themselves.
    const declared = dependencies.known ? dependencies.packages.get('whitenoise')?.find((one) => !(LOCK_FILE_NAMES as readonly string[]).includes(path.posix.basename(one.path))) : undefined;
    if (!declared) return;
    const texts = [...settings.namespace.files.map((file) => project.get(file)?.text ?? ''), ...[...project.otherSources.values()].filter((source) => /^[aw]sgi\.py$/.test(path.basename(source.path))).map((source) => source.text ?? '')];
    // WhiteNoise wrapping the WSGI application, or django-heroku's settings(locals()) adding the middleware.
    if (texts.some((text) => /\bWhiteNoise\s*\(|django_heroku\.settings\s*\(/.test(text))) return;
    const file = project.files.find((candidate) => candidate.relativePath === declared.path);
    if (!file?.text) return;
    const line = new SourceText(file.text).lineText(declared.dependency.line - 1);
    reportMissingMiddleware(settings, context, {
      middleware: WHITENOISE_MIDDLEWARE,
      consequence: `whitenoise is installed (${declared.path} line ${declared.dependency.line}) but serves nothing without it: unless a proxy serves STATIC_ROOT, every stylesheet and script is a 404 once DEBUG is off.`,
      first: false,
      related: [{ path: file.path, range: { start: { line: declared.dependency.line - 1, character: 0 }, end: { line: declared.dependency.line - 1, character: line.trimEnd().length } }, message: 'whitenoise is installed here' }],
    });
  },
};
