import { randomInt } from 'crypto';
import { replaceValueFix, readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { secretPlaceholder } from './shared/secrets';
import { describeSetting, fixes, known, listHas, reportSetting, setValueFix } from './shared/settings-findings';

const ADMIN_PATH_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const rule: Rule = {
  meta: {
    code: 'DJ604',
    name: 'admin-url-default',
    description: 'DJANGO_ADMIN_URL or ADMIN_URL (in an env file or the settings) is the default admin/ path or an unfilled placeholder.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Access controls are tested',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'ADMIN_URL', { file, project })) {
      const value = entry.value.trim();
      const problem = adminPathProblem(value);
      if (!problem) continue;
      report({
        range: entry.valueRange,
        message: problem === 'default' ? `${entry.key}=${value} ${DEFAULT_PATH}` : `${entry.key} is ${problem} ${UNFILLED}`,
        // Not safe for fix-all: bookmarks, monitoring and runbooks that know the old path break.
        fixes: [replaceValueFix(file, entry, generateAdminPath(), `Replace ${entry.key} with a generated path`, false)],
      });
    }
  },
  checkSettings(settings, context) {
    // ADMIN_URL is cookiecutter-django's convention, which its urls.py mounts the admin at.
    const lookup = known(settings, 'ADMIN_URL');
    if (!lookup || lookup.state !== 'set' || lookup.value.kind !== 'str') return;
    // Without the admin app the setting mounts nothing.
    if (listHas(settings, 'INSTALLED_APPS', ADMIN_APP) === false) return;
    const problem = adminPathProblem(lookup.value.value);
    if (!problem) return;
    const path = generateAdminPath();
    reportSetting(settings, lookup, context, {
      message: problem === 'default' ? `${describeSetting('ADMIN_URL', lookup)}, which ${DEFAULT_PATH}` : `${describeSetting('ADMIN_URL', lookup)}, ${problem} ${UNFILLED}`,
      // Not safe for fix-all: bookmarks, monitoring and runbooks that know the old path break.
      fixes: fixes(setValueFix(settings, 'ADMIN_URL', lookup, `"${path}"`, path, false)),
    });
  },
};

const ADMIN_APP = 'django.contrib.admin';
const DEFAULT_PATH = 'serves the admin at the default path, the first one scanners and password-guessing bots try.';
const UNFILLED = 'that was never filled in: the admin is served at that literal path.';

/** `default` for the admin/ path (as `path()` or a `url()` regex writes it), a placeholder's label, or null. */
function adminPathProblem(value: string): string | null {
  const path = value.trim().replace(/^\^/, '').replace(/\$$/, '').replace(/^\/+|\/+$/g, '');
  if (path.toLowerCase() === 'admin') return 'default';
  return path === '' ? null : secretPlaceholder(path);
}

/** 24 random [a-z0-9] characters and a slash, as Django's `path()` expects: no leading slash. */
function generateAdminPath(): string {
  let path = '';
  for (let i = 0; i < 24; i++) path += ADMIN_PATH_ALPHABET[randomInt(ADMIN_PATH_ALPHABET.length)];
  return `${path}/`;
}
