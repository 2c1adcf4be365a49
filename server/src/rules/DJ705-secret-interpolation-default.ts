import type { ComposeString } from '../parse/compose';
import type { VariablePart } from '../parse/compose-interpolation';
import { SeenEntries, interpolatedVariables } from './shared/compose-services';
import { isCredentialVariable, isSecretVariable } from './shared/credentials';
import { Fix, Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ705',
    name: 'secret-interpolation-default',
    description: 'A secret is interpolated with a fallback (`${SECRET:-fallback}`), so the fallback written in the compose file is used whenever the variable is missing.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Store SECRET_KEY securely (not in version control)',
    djangoCheck: null,
  },
  checkCompose(compose, { file, report }) {
    const seen = new SeenEntries();
    for (const service of compose.services) {
      for (const entry of service.environment) {
        if (!entry.value || !seen.first(entry.keyRange)) continue;
        for (const part of interpolatedVariables(entry.value)) {
          if (part.operator !== ':-' && part.operator !== '-') continue;
          if (!part.wordText || part.wordText.trim() === '') continue;
          const secret = [part.name, entry.key].some((name) => isSecretVariable(name) || isCredentialVariable(name));
          if (!secret) continue;
          const whole = partRange(compose.source, entry.value, part);
          report({
            range: whole ?? entry.valueRange,
            message:
              `${entry.key} falls back to a value written in ${file.relativePath} when ${part.name} is ${part.operator === ':-' ? 'unset or empty' : 'unset'}: ` +
              'a deployment that forgets the variable runs with a secret everyone who can read the repository knows.',
            fixes: whole ? requireFix(file.path, whole, part) : [],
          });
        }
      }
    }
  },
};

/** The range of `${NAME…}` when the file holds the value verbatim. */
function partRange(source: import('../parse/source-text').SourceText, value: ComposeString, part: VariablePart) {
  if (value.verbatimStart === null) return null;
  return source.rangeOf(value.verbatimStart + part.start, value.verbatimStart + part.end);
}

function requireFix(path: string, range: import('../parse/source-text').Range, part: VariablePart): Fix[] {
  // compose then refuses to start without the variable: a behaviour change to review.
  return [{ title: `Require ${part.name} (\${${part.name}:?…})`, safe: false, preferred: true, edits: [{ path, range, newText: `\${${part.name}:?set ${part.name}}` }] }];
}
