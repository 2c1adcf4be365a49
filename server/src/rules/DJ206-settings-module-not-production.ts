import type { ProjectFile, ProjectModel } from '../project/model';
import { resolveModule, settingsAnalysis } from '../settings/project-settings';
import type { Location } from '../settings/value';
import type { EnvFile } from '../parse/env';
import { settingsModuleDefaults } from '../project/django-entry-points';
import { productionLinks } from '../project/production';
import { appendLinesFix, replaceValueFix, startOfFile } from './shared/env-settings';
import { Fix, Report, Rule } from './rule';
import { checkComposeEnvironment } from './shared/compose-environment-side';

const DEVELOPMENT_SEGMENTS = new Set(['local', 'dev', 'development', 'test', 'tests', 'ci']);
/** Names a production settings module goes by, in order of preference for the fix. */
const PRODUCTION_SEGMENTS = ['production', 'prod', 'live'];

export const rule: Rule = {
  meta: {
    code: 'DJ206',
    name: 'settings-module-not-production',
    description: 'DJANGO_SETTINGS_MODULE names a development settings module (local, dev, development, test, tests or ci), production sets none while manage.py/wsgi.py/asgi.py default to one, or the production settings import one.',
    category: 'debug',
    severity: 'error',
    checklistItem: 'DJANGO_SETTINGS_MODULE set to the production module',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, project, report }) {
    const entry = env.get('DJANGO_SETTINGS_MODULE');
    if (!entry) {
      checkEntryPointDefaults(env, file, project, report);
      return;
    }
    const segments = entry.value.trim().split('.');
    const development = segments.find((segment) => DEVELOPMENT_SEGMENTS.has(segment.toLowerCase()));
    if (!development) return;
    const fixes: Fix[] = [];
    // Only a development leaf module has an obvious production sibling; `tests.settings` has none.
    if (DEVELOPMENT_SEGMENTS.has(segments[segments.length - 1].toLowerCase())) {
      const module = productionSibling(project, segments.slice(0, -1));
      fixes.push(replaceValueFix(file, entry, module, `Set DJANGO_SETTINGS_MODULE=${module}`, false));
    }
    report({
      range: entry.valueRange,
      message: `DJANGO_SETTINGS_MODULE=${entry.value.trim()} selects a "${development}" settings module, made for development or tests: such modules usually turn DEBUG on and relax security settings.`,
      fixes,
    });
  },
  checkSettings(settings, { project, report }) {
    // A development module selected as production is the env or compose side's finding, where it is selected.
    if (!settings.isProduction || developmentSegment(settings.entry)) return;
    const chain = settings.namespace.files;
    for (const path of chain.slice(1)) {
      const module = project.get(path);
      const segment = module && developmentSegment(module);
      if (!module || !segment) continue;
      const at = importOf(project, chain, module) ?? settings.moduleLocation();
      const related = at.path === settings.entry.path ? [] : [{ ...settings.moduleLocation(), message: `${settings.entry.relativePath} is the production settings module` }];
      report({
        path: at.path,
        range: at.range,
        message: `The production settings (${settings.entry.relativePath}) import ${module.relativePath}, a "${segment}" settings module made for development or tests: whatever it sets — DEBUG, keys, backends, relaxed security — runs in production unless a later line overrides it.`,
        related,
      });
    }
  },
};

/**
 * Production sets no DJANGO_SETTINGS_MODULE, so Django's entry points choose: reported once, on
 * the first env file feeding production, for each of manage.py/wsgi.py/asgi.py that defaults to
 * a development module (cookiecutter's manage.py defaults to `config.settings.local`).
 */
function checkEntryPointDefaults(env: EnvFile, file: ProjectFile, project: ProjectModel, report: (report: Report) => void): void {
  const environment = productionLinks(project).environment;
  if (!environment || environment.has('DJANGO_SETTINGS_MODULE')) return;
  const firstFeeding = [...environment.values()].find((value) => value.file !== null)?.file;
  if (firstFeeding?.path !== file.path) return;
  const development = settingsModuleDefaults(project).filter((setting) => setting.module.split('.').some((segment) => DEVELOPMENT_SEGMENTS.has(segment.toLowerCase())));
  if (development.length === 0) return;
  const segments = development[0].module.split('.');
  const module = productionSibling(project, segments.slice(0, -1));
  report({
    range: startOfFile(env),
    message: `Production sets no DJANGO_SETTINGS_MODULE, so ${development.map((setting) => `${setting.relativePath} falls back to ${setting.module}`).join(' and ')}: a settings module made for development or tests, which usually turns DEBUG on and relaxes security settings.`,
    related: development.map((setting) => ({ path: setting.path, range: setting.range, message: `${setting.relativePath} defaults DJANGO_SETTINGS_MODULE to ${setting.module}` })),
    fixes: [appendLinesFix(file, env, [`DJANGO_SETTINGS_MODULE=${module}`], `Set DJANGO_SETTINGS_MODULE=${module} in ${file.relativePath}`, false)],
  });
}

/** The development word of a settings module's own name (`local` in `config/settings/local.py`), or null. */
function developmentSegment(file: ProjectFile): string | null {
  const name = file.relativePath.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').pop() ?? '';
  return DEVELOPMENT_SEGMENTS.has(name.toLowerCase()) ? name : null;
}

/** The `from … import *` statement in the production chain that brings the module in, when there is one. */
function importOf(project: ProjectModel, chain: string[], target: ProjectFile): Location | null {
  const settingsFiles = project.ofKind('settings').filter((file) => file.text !== null);
  const namespaces = settingsAnalysis(project).namespaces;
  for (const path of chain) {
    const file = project.get(path);
    for (const star of namespaces.get(path)?.starImports ?? []) {
      if (!file || star.path !== path) continue;
      const source = project.settings(file).source;
      const text = source.textIn(star.range);
      const match = /^from\s+(\.*)([\w.]*)\s+import\b/.exec(text);
      if (match && resolveModule(project, settingsFiles, path, match[1].length, match[2])?.path === target.path) return star;
    }
  }
  return null;
}

/** `package.production`, or the sibling module the project actually has (`prod.py`, `live.py`). */
function productionSibling(project: ProjectModel, parent: string[]): string {
  const directory = parent.join('/');
  const existing = PRODUCTION_SEGMENTS.find((name) =>
    project.files.some((candidate) => {
      const path = candidate.relativePath;
      const suffix = `${directory}/${name}.py`;
      return path === suffix || path.endsWith(`/${suffix}`);
    }),
  );
  return [...parent, existing ?? PRODUCTION_SEGMENTS[0]].join('.');
}
