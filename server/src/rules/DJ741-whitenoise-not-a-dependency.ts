import { productionSettings } from '../settings/project-settings';
import type { SettingsView } from '../settings/project-settings';
import { Value, dictGet } from '../settings/value';
import { declaredPackage } from '../project/production-dependencies';
import { known, middlewareSetting } from './shared/settings-findings';
import { RelatedLocation, Rule } from './rule';

/** Where the production settings name a WhiteNoise module: MIDDLEWARE, INSTALLED_APPS, the static files storage. */
function whitenoiseUses(settings: SettingsView): RelatedLocation[] {
  const uses: RelatedLocation[] = [];
  const named = (value: Value | null | undefined, setting: string, fallback: RelatedLocation['range'] | null, path: string | null) => {
    if (value?.kind !== 'str' || !/^whitenoise(?:\.|$)/.test(value.value)) return;
    const at = value.at ?? (fallback && path ? { path, range: fallback } : null);
    if (at) uses.push({ path: at.path, range: at.range, message: `${setting} names ${value.value}` });
  };
  for (const name of [middlewareSetting(settings), 'INSTALLED_APPS']) {
    const lookup = known(settings, name);
    if (lookup && (lookup.value.kind === 'list' || lookup.value.kind === 'tuple')) for (const item of lookup.value.items) named(item, name, lookup.location.range, lookup.location.path);
  }
  const storage = known(settings, 'STATICFILES_STORAGE');
  if (storage?.state === 'set') named(storage.value, 'STATICFILES_STORAGE', storage.location.range, storage.location.path);
  const storages = known(settings, 'STORAGES');
  if (storages?.state === 'set' && storages.value.kind === 'dict') {
    const staticfiles = dictGet(storages.value, 'staticfiles');
    if (staticfiles?.kind === 'dict') named(dictGet(staticfiles, 'BACKEND'), 'STORAGES["staticfiles"]["BACKEND"]', storages.location.range, storages.location.path);
  }
  return uses;
}

export const rule: Rule = {
  meta: {
    code: 'DJ741',
    name: 'whitenoise-not-a-dependency',
    description: 'The production settings use WhiteNoise (its middleware, app or storage), but the production dependencies do not install whitenoise.',
    category: 'hygiene',
    severity: 'error',
    checklistItem: 'Configure WhiteNoise',
    djangoCheck: null,
  },
  checkDependencies(dependencies, { file, project, report }) {
    if (!dependencies.known || dependencies.target.file !== file || declaredPackage(dependencies, 'whitenoise')) return;
    const settings = productionSettings(project);
    const uses = settings ? whitenoiseUses(settings) : [];
    if (uses.length === 0) return;
    const { target } = dependencies;
    const edit = target.add?.('whitenoise');
    report({
      range: target.range,
      message: `The production settings use WhiteNoise (${uses[0].message}), but ${target.describe} (with what it includes) and the other production dependency files do not install whitenoise: Django fails to start with ModuleNotFoundError: No module named 'whitenoise'.`,
      related: uses,
      fixes: edit ? [{ title: `Add whitenoise to ${target.describe}`, safe: false, preferred: true, edits: [{ path: file.path, ...edit }] }] : [],
    });
  },
};
