import { SourceText } from '../parse/source-text';
import { Rule } from './rule';
import { maskSecret } from './shared/secrets';
import { findTokens } from './shared/token-patterns';

export const rule: Rule = {
  meta: {
    code: 'DJ113',
    name: 'live-token-committed',
    description: 'A token in a recognisable provider format (GitHub, GitLab, Slack, AWS, Stripe, SendGrid, Mailgun, Sentry, a private key) sits in a tracked configuration file.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Store secrets securely (not in version control)',
    djangoCheck: null,
    anyContext: true,
  },
  // The raw text, whatever the file kind: a token is a token in env, Python and YAML alike.
  checkFile({ file, project, report }) {
    if (file.text === null) return;
    // Outside a repository .gitignore says what would be ignored, not what was committed.
    const tracked = project.git && project.git.source !== 'gitignore' ? project.git.tracked.has(file.relativePath) : null;
    if (tracked === false) return; // untracked (or ignored) files are not committed
    const tokens = findTokens(file.text);
    if (tokens.length === 0) return;
    const source = new SourceText(file.text);
    for (const token of tokens) {
      const where = tracked ? 'is committed to git' : 'is in a file Preflight could not ask git about';
      report({
        range: source.rangeOf(token.start, token.end),
        message: `${/^[AEIOU]/.test(token.provider) ? 'An' : 'A'} ${token.provider} ${maskSecret(token.text)} ${where}: anyone with the repository can use it. Revoke it with the provider, then move it to an untracked env file.`,
      });
    }
  },
};
