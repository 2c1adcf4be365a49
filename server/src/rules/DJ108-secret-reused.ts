import { isEnvironReference } from '../parse/django-environ';
import type { EnvFile } from '../parse/env';
import type { Range } from '../parse/source-text';
import { isSecretVariable, mintedSecrets, regenerateSecretFix, urlPassword } from './shared/credentials';
import { settingsAnalysis } from '../settings/project-settings';
import type { Location } from '../settings/value';
import { Rule } from './rule';
import { SECRET_KEY_VARIABLES, secretPlaceholder } from './shared/secrets';
import { describeSecretKey, secretKeyFix, secretKeyLookup } from './shared/secret-key-setting';
import { reportSetting } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ108',
    name: 'secret-reused',
    description: 'A production secret (an env file\'s, or the settings\' SECRET_KEY) has the same value as a secret in a development or unclassified env file or settings module.',
    category: 'secrets',
    severity: 'warning',
    checklistItem: 'Never use development SECRET_KEY in production',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    if (project.contextOf(file).context !== 'production') return;
    const elsewhere = new Map<string, string[]>();
    for (const other of project.ofKind('env')) {
      if (project.contextOf(other).context === 'production' || other === file || other.text === null) continue;
      for (const secret of secretsOf(project.env(other))) {
        const places = elsewhere.get(secret.value) ?? [];
        places.push(`${secret.name} in ${other.relativePath}`);
        elsewhere.set(secret.value, places);
      }
    }
    if (elsewhere.size === 0) return;
    const minted = mintedSecrets(env, file);
    for (const secret of secretsOf(env)) {
      const places = elsewhere.get(secret.value);
      if (!places) continue;
      // Only secrets the project mints can be regenerated here; a provider's token is rotated at the provider.
      const own = minted.find((candidate) => candidate.key === secret.key && candidate.value === secret.value);
      const fix = own && regenerateSecretFix(project, own);
      report({
        fixes: fix ? [fix] : [],
        range: secret.range,
        message: `${secret.name} has the same value as ${places.join(', ')}: everyone who has ${places.length === 1 ? 'that file' : 'those files'}, or a copy, has the production secret.`,
      });
    }
  },
  checkSettings(settings, context) {
    if (!settings.isProduction) return;
    const secret = secretKeyLookup(settings);
    if (!secret) return;
    const { lookup, key } = secret;
    if (key.trim() === '' || secretPlaceholder(key) || isEnvironReference(key)) return;
    const { project } = context;
    const variable = lookup.state === 'set' ? lookup.value.env?.variable : undefined;
    const places = new Set<string>();
    for (const other of project.ofKind('env')) {
      if (project.contextOf(other).context === 'production' || other.text === null) continue;
      const env = project.env(other);
      for (const entry of env.entries) {
        if (env.get(entry.key) !== entry || (!SECRET_KEY_VARIABLES.includes(entry.key) && entry.key !== variable)) continue;
        if (entry.value === key) places.add(`${entry.key} in ${other.relativePath}`);
      }
    }
    // Settings modules Django never loads as production: their SECRET_KEY, where they write it themselves.
    const chain = new Set(settings.namespace.files);
    for (const [path, namespace] of settingsAnalysis(project).namespaces) {
      const module = project.get(path);
      if (chain.has(path) || !module || project.contextOf(module).context === 'production') continue;
      const bound = namespace.names.get('SECRET_KEY')?.value;
      // An env read counts by its default, the key that module runs with in development (the
      // evaluator reads production's environment); nothing imported from production's own modules.
      const value = bound?.env ? bound.env.defaultValue : bound;
      const written: Location | null | undefined = bound?.env ? bound.env.defaultAt : value?.at;
      if (!value || (value.kind !== 'str' && value.kind !== 'bytes') || value.value !== key) continue;
      if (!written || chain.has(written.path)) continue;
      places.add(`SECRET_KEY in ${project.get(written.path)?.relativePath ?? written.path}`);
    }
    if (places.size === 0) return;
    const list = [...places];
    reportSetting(settings, lookup, context, {
      message: `The production ${describeSecretKey(lookup, key)} has the same value as ${list.join(', ')}: everyone who has ${list.length === 1 ? 'that file' : 'those files'}, or a copy, can forge production's sessions and signed tokens.`,
      fixes: secretKeyFix(settings, lookup),
    });
  },
};

interface SecretValue {
  key: string;
  /** How a message names it: `POSTGRES_PASSWORD`, `DATABASE_URL's password`. */
  name: string;
  value: string;
  range: Range;
}

/** The secrets a file sets that are worth comparing: not empty, not placeholders, not `${REFERENCES}`. */
function secretsOf(env: EnvFile): SecretValue[] {
  const secrets: SecretValue[] = [];
  for (const entry of env.entries) {
    // Only the entry that wins; an overridden one is DJ801's.
    if (env.get(entry.key) !== entry) continue;
    const key = entry.key;
    const url = urlPassword(env, entry);
    const secret = url
      ? { key, name: `${key}'s password`, value: url.password, range: url.range }
      : isSecretVariable(key)
        ? { key, name: key, value: entry.value, range: entry.valueRange }
        : null;
    if (!secret || secret.value.trim() === '' || secretPlaceholder(secret.value) || isEnvironReference(secret.value)) continue;
    secrets.push(secret);
  }
  return secrets;
}
