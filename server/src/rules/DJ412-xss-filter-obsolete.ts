import { readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { reportSetting } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ412',
    name: 'xss-filter-obsolete',
    description: 'SECURE_BROWSER_XSS_FILTER is set, though Django 4.0 removed the setting and browsers ignore the header it sent.',
    category: 'https',
    severity: 'info',
    checklistItem: 'Enable XSS filter',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'SECURE_BROWSER_XSS_FILTER', { file, project })) {
      const source = env.source;
      const nextLine = entry.range.end.line + 1;
      const lineStart = { line: entry.range.start.line, character: 0 };
      const nextLineStart = nextLine < source.lineCount ? { line: nextLine, character: 0 } : source.positionAt(source.text.length);
      report({
        range: entry.keyRange,
        message: `${entry.key} does nothing: Django 4.0 removed the setting, and browsers dropped the X-XSS-Protection header it used to send.`,
        fixes: [{ title: `Delete the ${entry.key} line`, safe: true, preferred: true, edits: [{ path: file.path, range: { start: lineStart, end: nextLineStart }, newText: '' }] }],
      });
    }
  },
  checkSettings(settings, context) {
    const lookup = settings.get('SECURE_BROWSER_XSS_FILTER');
    // Any assignment is dead, whatever its value; an unset one is not there to remove.
    if (lookup.state !== 'set') return;
    const statement = lookup.binding.statement;
    const file = context.project.get(statement.path);
    const source = file && file.text !== null && statement.path.endsWith('.py') ? context.project.settings(file).source : null;
    const { start, end } = statement.range;
    // Only a statement alone on its lines is deleted with its lines.
    const alone = source !== null && source.lineText(start.line).slice(0, start.character).trim() === '' && source.lineText(end.line).slice(end.character).trim() === '';
    const nextLine = end.line + 1;
    const removal = source && alone ? { start: { line: start.line, character: 0 }, end: nextLine < source.lineCount ? { line: nextLine, character: 0 } : source.positionAt(source.text.length) } : null;
    // The finding is on the assignment in the settings module (an env line setting it is checkEnv's).
    reportSetting(settings, { ...lookup, value: { ...lookup.value, env: null }, location: statement }, context, {
      message: 'SECURE_BROWSER_XSS_FILTER does nothing: Django 4.0 removed the setting, and browsers dropped the X-XSS-Protection header it used to send.',
      fixes: removal ? [{ title: 'Delete the SECURE_BROWSER_XSS_FILTER assignment', safe: true, preferred: true, edits: [{ path: statement.path, range: removal, newText: '' }] }] : [],
    });
  },
};
