import { environList } from '../parse/django-environ';
import type { EnvEntry, EnvFile } from '../parse/env';
import type { ProjectFile } from '../project/model';
import { readSettingEntries } from './shared/env-settings';
import { Fix, Rule } from './rule';
import { truthy } from '../settings/value';
import { describeSetting, envValueCause, fixes, known, reportSetting, setValueFix } from './shared/settings-findings';
import { checkComposeEnvironment } from './shared/compose-environment-side';

const PLACEHOLDER_HOST = 'example.com';

export const rule: Rule = {
  meta: {
    code: 'DJ301',
    name: 'allowed-hosts-empty',
    description: 'DJANGO_ALLOWED_HOSTS or ALLOWED_HOSTS is set but holds no host once django-environ splits it on commas.',
    category: 'hosts',
    severity: 'error',
    checklistItem: 'ALLOWED_HOSTS configured',
    djangoCheck: 'security.W020',
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'ALLOWED_HOSTS', { file, project })) {
      if (environList(entry.value).length > 0) continue;
      report({
        range: entry.keyRange,
        message: `${entry.key} holds no host: with DEBUG off, Django answers every request with 400 Bad Request.`,
        fixes: [placeholderHostFix(file, env, entry)],
        // The settings side reports the same line's value (ALLOWED_HOSTS is []): one diagnostic.
        cause: envValueCause(entry),
      });
    }
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'ALLOWED_HOSTS');
    if (!lookup || truthy(lookup.value) !== false) return;
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('ALLOWED_HOSTS', lookup)}: with DEBUG off, Django answers every request with 400 Bad Request.`,
      fixes: fixes(setValueFix(settings, 'ALLOWED_HOSTS', lookup, `["${PLACEHOLDER_HOST}"]`, PLACEHOLDER_HOST, false)),
    });
  },
};

/**
 * Writes the placeholder right after `=`: an empty value's range can sit after the spaces
 * before a comment, and `A= example.com# note` would start another ambiguity.
 */
function placeholderHostFix(file: ProjectFile, env: EnvFile, entry: EnvEntry): Fix {
  let range = entry.valueRange;
  if (entry.rawValue === '') {
    const { text, lineStarts } = env.source;
    const lineStart = lineStarts[range.start.line];
    let offset = env.source.offsetAt(range.start);
    while (offset > lineStart && (text[offset - 1] === ' ' || text[offset - 1] === '\t')) offset--;
    range = env.source.rangeOf(offset, offset);
  }
  return {
    title: `Set ${entry.key} to a placeholder host to fill in`,
    safe: false,
    preferred: true,
    edits: [{ path: file.path, range, newText: PLACEHOLDER_HOST }],
  };
}
