import type { ComposeFile, ComposeString } from '../../parse/compose';
import { escapeForCompose } from '../../parse/compose-interpolation';
import { SeenEntries } from './compose-services';
import type { Fix, RuleContext } from '../rule';

/**
 * DJ109's compose side: a `$` in an `environment:` value that compose takes for interpolation
 * although it reads as part of the value: `p@ss$word` (compose substitutes `$word`, usually
 * with nothing), or a `$` compose rejects outright ("Invalid interpolation format").
 */
export function reportComposeDollars(compose: ComposeFile, { file, report }: RuleContext): void {
  const seen = new SeenEntries();
  for (const service of compose.services) {
    for (const entry of service.environment) {
      const value = entry.value;
      if (!value || !value.text.includes('$') || !seen.first(entry.keyRange)) continue;
      const { parts, error } = value.template;
      // `$NAME` glued to the text before it (`abc$def`) is a literal dollar, not a reference someone wrote on purpose.
      const glued = parts.find((part, index) => part.kind === 'variable' && !part.braced && index > 0 && parts[index - 1].kind === 'text' && /[^\s/:=@]$/.test((parts[index - 1] as { text: string }).text));
      if (!error && !glued) continue;
      const name = glued && glued.kind === 'variable' ? glued.name : null;
      report({
        range: entry.valueRange,
        message: error
          ? `${entry.key} contains a "$" compose cannot read ("${error}"): compose refuses to start. Write a literal dollar as "$$".`
          : `${entry.key} contains "$${name}", which compose replaces with the value of ${name} (usually nothing): the container gets a different value. Write a literal dollar as "$$".`,
        fixes: escapeFix(compose, file.path, value),
      });
    }
  }
}

/** Doubles every `$` of the value where the file holds it verbatim (the quotes stay as written). */
function escapeFix(compose: ComposeFile, path: string, value: ComposeString): Fix[] {
  if (value.verbatimStart === null) return [];
  const range = compose.source.rangeOf(value.verbatimStart, value.verbatimStart + value.text.length);
  // A `$` someone meant as a reference becomes literal: review it.
  return [{ title: 'Escape "$" as "$$"', safe: false, preferred: true, edits: [{ path, range, newText: escapeForCompose(value.text) }] }];
}
