import { envListItems } from './shared/env-list-items';
import { readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { known, reportSetting } from './shared/settings-findings';
import { checkComposeEnvironment } from './shared/compose-environment-side';

export const rule: Rule = {
  meta: {
    code: 'DJ302',
    name: 'allowed-hosts-wildcard',
    description: 'DJANGO_ALLOWED_HOSTS or ALLOWED_HOSTS contains "*", which accepts any Host header.',
    category: 'hosts',
    severity: 'warning',
    checklistItem: 'ALLOWED_HOSTS contains correct domains',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'ALLOWED_HOSTS', { file, project })) {
      // env.list does not trim, so " *" is a host that never matches, not a wildcard.
      for (const item of envListItems(env, entry)) {
        if (item.text !== '*') continue;
        report({
          range: item.range,
          message: `${entry.key} contains "*": Django accepts any Host header, so a forged host can end up in password-reset links and other absolute URLs (security.W020 lets "*" pass).`,
        });
      }
    }
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'ALLOWED_HOSTS');
    if (!lookup || lookup.state !== 'set') return;
    const value = lookup.value;
    const items = value.kind === 'list' || value.kind === 'tuple' || value.kind === 'set' ? value.items : [];
    for (const item of items) {
      if (item.kind !== 'str' || item.value !== '*') continue;
      const at = item.env ? lookup : { ...lookup, location: item.at ?? lookup.location };
      reportSetting(settings, at, context, {
        message: 'ALLOWED_HOSTS contains "*": Django accepts any Host header, so password-reset links and absolute URLs can be built on an attacker\'s domain.',
      });
    }
  },
};
