/**
 * Provider token formats, as data. Each pattern matches the token itself; the scanner adds the
 * boundaries (no letter or digit right before or after), so a longer random string that merely
 * contains a prefix is not a token. Sources: each provider's published token format.
 */
export interface TokenPattern {
  provider: string;
  pattern: RegExp;
}

export const TOKEN_PATTERNS: TokenPattern[] = [
  { provider: 'GitHub personal access token', pattern: /ghp_[A-Za-z0-9]{36}/ },
  { provider: 'GitHub OAuth/app token', pattern: /gh[ousr]_[A-Za-z0-9]{36}/ },
  { provider: 'GitHub fine-grained token', pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/ },
  { provider: 'GitLab personal access token', pattern: /glpat-[A-Za-z0-9_-]{20}/ },
  { provider: 'Slack token', pattern: /xox[abprs]-[0-9]{10,13}-[0-9A-Za-z-]{10,}/ },
  { provider: 'Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,}\/B[A-Z0-9]{8,}\/[A-Za-z0-9]{24}/ },
  { provider: 'AWS access key ID', pattern: /(?:AKIA|ASIA)[A-Z0-9]{16}/ },
  { provider: 'Stripe live secret key', pattern: /(?:sk|rk)_live_[A-Za-z0-9]{24,}/ },
  { provider: 'SendGrid API key', pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/ },
  { provider: 'Mailgun API key', pattern: /key-[0-9a-f]{32}/ },
  { provider: 'Sentry auth token', pattern: /sntry[su]_[A-Za-z0-9+/=_]{40,}/ },
  { provider: 'Google API key', pattern: /AIza[0-9A-Za-z_-]{35}/ },
  { provider: 'npm access token', pattern: /npm_[A-Za-z0-9]{36}/ },
  { provider: 'private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/ },
];

export interface TokenMatch {
  provider: string;
  start: number;
  end: number;
  text: string;
}

const COMBINED = new RegExp(
  `(?<![A-Za-z0-9])(?:${TOKEN_PATTERNS.map((token) => `(${token.pattern.source})`).join('|')})(?![A-Za-z0-9])`,
  'g',
);

/** Every token in a text, with offsets. One pass over the text whatever the number of formats. */
export function findTokens(text: string): TokenMatch[] {
  const matches: TokenMatch[] = [];
  for (const match of text.matchAll(COMBINED)) {
    const group = match.slice(1).findIndex((value) => value !== undefined);
    matches.push({ provider: TOKEN_PATTERNS[group].provider, start: match.index!, end: match.index! + match[0].length, text: match[0] });
  }
  return matches;
}
