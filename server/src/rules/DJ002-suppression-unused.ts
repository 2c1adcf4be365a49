import type { Directive, DirectiveId } from '../engine/suppressions';
import { SourceText } from '../parse/source-text';
import type { ProjectFile } from '../project/model';
import { Fix, Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ002',
    name: 'suppression-unused',
    description: 'A "# preflight: disable-…" directive that silences nothing, or names a rule Preflight does not have.',
    category: 'files',
    severity: 'hint',
    checklistItem: 'Production configuration is reviewed',
    djangoCheck: null,
  },
  checkSuppressions(review, { file, report }) {
    if (file.text === null) return;
    const source = new SourceText(file.text);
    for (const { directive, id } of review.unused) {
      if (file.kind === 'systemd-unit' && !directive.ownLine) {
        // Reported once per directive, whatever its ids.
        if (id && id !== directive.ids[0]) continue;
        report({
          range: directive.range,
          message: 'systemd has no end-of-line comments: this directive is part of the value (an ExecStart= passes it to the command as arguments) and silences nothing. Write `# preflight: disable-next-line …` on a line of its own above.',
          fixes: [removalFix(file, source, directive, null, 'Remove this directive')],
        });
        continue;
      }
      const where = directive.target === null ? 'in this file' : `on line ${directive.target + 1}`;
      report({
        range: id ? id.range : directive.range,
        message: id
          ? `This directive silences nothing: ${id.text} reports no problem ${where}.`
          : `This directive silences nothing: no rule reports a problem ${where}.`,
        fixes: [removalFix(file, source, directive, id, id ? `Remove ${id.text} from this directive` : 'Remove this directive')],
      });
    }
    for (const { directive, id } of review.unknown) {
      report({
        range: id.range,
        message: `"${id.text}" is neither a Preflight rule code nor a rule name, so this directive silences nothing for it.`,
        fixes: [removalFix(file, source, directive, id, `Remove "${id.text}" from this directive`)],
      });
    }
  },
};

/**
 * Removes one id with its separator, or the whole directive when it is the last id (a directive
 * left without a list would silence every rule). Not safe for fix-all: whether a directive is
 * used depends on what was linted with it (a lone file misses cross-file findings), and an
 * unknown id may be a rule of a newer Preflight.
 */
function removalFix(file: ProjectFile, source: SourceText, directive: Directive, id: DirectiveId | null, title: string): Fix {
  const ids = directive.ids;
  const index = id ? ids.indexOf(id) : -1;
  let start: number;
  let end: number;
  if (id && ids.length > 1) {
    // `DJ1, DJ2, DJ3`: take the id with the separator after it, or before it for the last one.
    start = source.offsetAt(index === ids.length - 1 ? ids[index - 1].range.end : id.range.start);
    end = source.offsetAt(index === ids.length - 1 ? id.range.end : ids[index + 1].range.start);
  } else if (directive.ownLine) {
    start = source.lineStarts[directive.line];
    end = directive.line + 1 < source.lineCount ? source.lineStarts[directive.line + 1] : source.text.length;
  } else {
    end = source.offsetAt(directive.range.end);
    start = source.offsetAt(directive.range.start);
    while (start > 0 && /[ \t]/.test(source.text[start - 1])) start--;
  }
  return { title, safe: false, preferred: true, edits: [{ path: file.path, range: source.rangeOf(start, end), newText: '' }] };
}
