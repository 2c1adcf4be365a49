import { environBool } from '../parse/django-environ';
import type { SettingLookup, SettingsView } from '../settings/project-settings';
import { Value, dictGet, truthy } from '../settings/value';
import { replaceValueFix, readSettingEntries } from './shared/env-settings';
import { Rule, RuleContext } from './rule';
import { fixes, known, replaceExpressionFix, reportSetting, setValueFix } from './shared/settings-findings';

/** django-storages' default-ACL settings: S3 canned ACLs, Google Cloud predefined ACLs. */
const ACL_SETTINGS = ['AWS_DEFAULT_ACL', 'GS_DEFAULT_ACL'];

/** Who a public ACL lets read every upload; null for an ACL that is not public. */
function publicAudience(acl: string): string | null {
  switch (acl.trim().toLowerCase().replace(/[-_]/g, '')) {
    case 'publicread':
      return 'anyone who has or guesses a file\'s URL can read it';
    case 'publicreadwrite':
      return 'anyone can read it, and overwrite or add files';
    case 'authenticatedread':
      return 'anyone with any cloud account (not just yours) can read it';
    default:
      return null;
  }
}

const UNSIGNED = 'makes django-storages build unsigned URLs, which work only when every file is publicly readable.';

export const rule: Rule = {
  meta: {
    code: 'DJ612',
    name: 'media-public-acl',
    description: 'AWS_DEFAULT_ACL or GS_DEFAULT_ACL gives uploaded files a public ACL, or AWS_QUERYSTRING_AUTH turns off signed URLs.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Block public access (use signed URLs)',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    for (const setting of ACL_SETTINGS) {
      for (const entry of readSettingEntries(env, setting, { file, project })) {
        const audience = publicAudience(entry.value);
        if (!audience) continue;
        report({
          range: entry.valueRange,
          message: `${entry.key}=${entry.value} uploads every file with a public ACL: ${audience}, private uploads included.`,
          // Not safe for fix-all: files that are meant to be public (static assets) stop loading.
          fixes: [replaceValueFix(file, entry, 'private', `Set ${entry.key}=private`, false)],
        });
      }
    }

    for (const entry of readSettingEntries(env, 'AWS_QUERYSTRING_AUTH', { file, project })) {
      // Only an explicit false value: an empty one more likely means "not configured".
      if (entry.value.trim() === '' || environBool(entry.value)) continue;
      report({ range: entry.valueRange, message: `${entry.key}=${entry.value} ${UNSIGNED}` });
    }
  },
  checkSettings(settings, context) {
    for (const setting of ACL_SETTINGS) {
      const lookup = known(settings, setting);
      if (!lookup || lookup.state !== 'set' || lookup.value.kind !== 'str') continue;
      const audience = publicAudience(lookup.value.value);
      if (!audience) continue;
      reportSetting(settings, lookup, context, {
        message: `${setting} is ${JSON.stringify(lookup.value.value)}${fromEnv(lookup.value)}: every uploaded file gets a public ACL, so ${audience}, private uploads included.`,
        // Not safe for fix-all: files that are meant to be public (static assets) stop loading.
        fixes: fixes(setValueFix(settings, setting, lookup, 'None', 'private', false)),
      });
    }

    const querystring = known(settings, 'AWS_QUERYSTRING_AUTH');
    if (querystring && querystring.state === 'set' && isExplicitlyOff(querystring.value)) {
      reportSetting(settings, querystring, context, { message: `AWS_QUERYSTRING_AUTH is False${fromEnv(querystring.value)}: it ${UNSIGNED}` });
    }

    checkMediaStorage(settings, context);
  },
};

/**
 * Django ≥ 4.2's STORAGES: the media storage ("default") with a public `default_acl` or
 * `querystring_auth` off in its OPTIONS. The "staticfiles" storage is meant to be public.
 */
function checkMediaStorage(settings: SettingsView, context: RuleContext): void {
  const storages = known(settings, 'STORAGES');
  if (!storages || storages.state !== 'set' || storages.value.kind !== 'dict') return;
  const media = dictGet(storages.value, 'default');
  if (!media || media.kind !== 'dict') return;
  const options = dictGet(media, 'OPTIONS');
  if (!options || options.kind !== 'dict') return;
  const located = (value: Value): SettingLookup => ({ state: 'set', value, binding: storages.binding, location: value.at ?? storages.location });

  const acl = dictGet(options, 'default_acl');
  const audience = acl && acl.kind === 'str' ? publicAudience(acl.value) : null;
  if (acl && audience) {
    const lookup = located(acl);
    reportSetting(settings, lookup, context, {
      message: `STORAGES["default"]["OPTIONS"]["default_acl"] is ${JSON.stringify((acl as { value: string }).value)}${fromEnv(acl)}: every uploaded file gets a public ACL, so ${audience}, private uploads included.`,
      fixes: fixes(acl.env ? setValueFix(settings, 'default_acl', lookup, 'None', 'private', false) : replaceExpressionFix(lookup, 'None', 'Set default_acl to None', false)),
    });
  }

  const querystring = dictGet(options, 'querystring_auth');
  if (querystring && isExplicitlyOff(querystring)) {
    reportSetting(settings, located(querystring), context, { message: `STORAGES["default"]["OPTIONS"]["querystring_auth"] is False${fromEnv(querystring)}: it ${UNSIGNED}` });
  }
}

/** A value written or read as false; an empty env value is not judged (as in the env check). */
function isExplicitlyOff(value: Value): boolean {
  if (value.env?.source && value.env.source.value.trim() === '') return false;
  return (value.kind === 'bool' || value.kind === 'int') && truthy(value) === false;
}

function fromEnv(value: Value): string {
  const source = value.env?.source;
  return source ? ` (${value.env!.variable}=${source.value.trim()} in ${source.origin})` : '';
}
