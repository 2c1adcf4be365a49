import type { ComposeFile, ComposeString } from '../../parse/compose';
import { VariablePart, interpolateTemplate } from '../../parse/compose-interpolation';
import { environBool } from '../../parse/django-environ';
import { composeLookup } from '../../project/compose-application';
import { SeenEntries, interpolatedVariables } from './compose-services';
import { settingVariables } from './env-settings';
import type { RuleContext } from '../rule';

/**
 * DJ203's compose side: `DJANGO_DEBUG: ${DJANGO_DEBUG:-True}` runs with DEBUG on wherever the
 * variable is missing. The default's word is judged with django-environ's truthiness.
 */
export function reportComposeDebugDefaults(compose: ComposeFile, { file, project, report }: RuleContext): void {
  const lookup = composeLookup(project, file);
  const seen = new SeenEntries();
  const debugVariables = settingVariables('DEBUG');
  for (const service of compose.services) {
    for (const entry of service.environment) {
      if (!entry.value || !debugVariables.includes(entry.key) || !seen.first(entry.keyRange)) continue;
      for (const part of interpolatedVariables(entry.value)) {
        if (part.operator !== ':-' && part.operator !== '-') continue;
        const fallback = interpolateTemplate({ parts: part.word ?? [], error: null }, lookup).value;
        if (fallback === null || !environBool(fallback)) continue;
        const range = defaultWordRange(compose, entry.value, part);
        report({
          range: range ?? entry.valueRange,
          message:
            `${entry.key} defaults to ${part.wordText} when ${part.name} is ${part.operator === ':-' ? 'unset or empty' : 'unset'}: ` +
            'a deployment that forgets the variable runs with DEBUG on, showing tracebacks and settings to anyone.',
          fixes: range ? [{ title: `Default ${part.name} to False`, safe: true, preferred: true, edits: [{ path: file.path, range, newText: 'False' }] }] : [],
        });
      }
    }
  }
}

/** The range of the default word of `${NAME:-word}` when the file holds the value verbatim. */
function defaultWordRange(compose: ComposeFile, value: ComposeString, part: VariablePart) {
  if (value.verbatimStart === null || part.wordText === null) return null;
  const end = value.verbatimStart + part.end - 1;
  return compose.source.rangeOf(end - part.wordText.length, end);
}
