import { appendToProductionEnv } from './shared/production-env-file';
import { Rule } from './rule';
import { generateSecretKey, maskSecret } from './shared/secrets';
import { known, reportSetting } from './shared/settings-findings';
import { writtenInSource } from '../settings/provenance';

export const rule: Rule = {
  meta: {
    code: 'DJ101',
    name: 'secret-key-in-source',
    description: 'SECRET_KEY is a string literal in a settings module, so the key is in version control for anyone with the repository.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Unique, strong SECRET_KEY',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'SECRET_KEY');
    // Only a key whose every character is written in the module (an f-string or `+` with an env read is not).
    if (!lookup || lookup.state !== 'set' || lookup.value.kind !== 'str' || !writtenInSource(lookup.value) || !lookup.value.at) return;
    const key = lookup.value.value;
    if (key === '') return;
    // Read it the way the module already reads its environment.
    const envObject = settings.namespace.names.get('env')?.value;
    const osModule = settings.namespace.names.get('os')?.value;
    const read = envObject?.kind === 'object' && envObject.name === 'env' ? 'env("DJANGO_SECRET_KEY")' : osModule?.kind === 'object' && osModule.name === 'module:os' ? 'os.environ["DJANGO_SECRET_KEY"]' : null;
    const fixes = read
      ? [
          {
            title: `Read SECRET_KEY from DJANGO_SECRET_KEY and add a generated key to production's env file`,
            safe: false,
            preferred: true,
            edits: [{ path: lookup.value.at.path, range: lookup.value.at.range, newText: read }, ...appendToProductionEnv(context.project, [`DJANGO_SECRET_KEY=${generateSecretKey()}`])],
          },
        ]
      : [];
    reportSetting(settings, lookup, context, {
      message: `SECRET_KEY is written in the settings module (${maskSecret(key)}): it is in version control, in every clone and backup, so sessions and password-reset links can be forged by anyone who has seen the code.`,
      fixes,
    });
  },
};
