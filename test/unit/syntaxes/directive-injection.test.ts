/**
 * The directive injection grammar, tokenized the way VS Code does it: vscode-textmate and
 * vscode-oniguruma (VS Code's own tokenizer), our grammars wired from package.json
 * `contributes.grammars` (injectTo, injectionSelector), and real base grammars for Python and
 * YAML from tm-grammars (Python: VS Code's MagicPython file; YAML: the TextMate bundle's grammar,
 * which, like VS Code's, scopes comments `comment.line.number-sign.yaml`).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { IGrammar, INITIAL, IRawGrammar, Registry, StateStack, parseRawGrammar } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const REPOSITORY = path.resolve(__dirname, '../../../..');

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}

const contributions: GrammarContribution[] = JSON.parse(fs.readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')).contributes.grammars;

/** The base grammars VS Code would bring for Python and YAML, from the tm-grammars package. */
const BASE_GRAMMARS: Record<string, string> = {
  'source.python': require.resolve('tm-grammars/grammars/python.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  // systemd units open as VS Code's 'ini' language, whose grammar is this TextMate bundle's.
  'source.ini': require.resolve('tm-grammars/grammars/ini.json'),
};

function grammarFile(scopeName: string): string | null {
  const ours = contributions.find((grammar) => grammar.scopeName === scopeName);
  if (ours) return path.join(REPOSITORY, ours.path);
  return BASE_GRAMMARS[scopeName] ?? null;
}

let registry: Registry;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new OnigScanner(patterns), createOnigString: (text) => new OnigString(text) }),
    loadGrammar: async (scopeName): Promise<IRawGrammar | null> => {
      const file = grammarFile(scopeName);
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    // As VS Code's grammar registry does: every contribution whose injectTo names the scope.
    getInjections: (scopeName) => contributions.filter((grammar) => grammar.injectTo?.includes(scopeName)).map((grammar) => grammar.scopeName),
  });
});

interface Token {
  text: string;
  scopes: string[];
}

async function tokenize(scopeName: string, lines: string[]): Promise<Token[][]> {
  const grammar: IGrammar | null = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName} loads`);
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

const DIRECTIVE_SCOPES = ['keyword.control.directive.preflight', 'keyword.other.directive.preflight', 'constant.language.rule.preflight'];

/** The text of each directive scope on a line: what a theme would colour. */
function directiveParts(tokens: Token[]): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const token of tokens) {
    for (const scope of token.scopes.filter((candidate) => DIRECTIVE_SCOPES.includes(candidate))) parts[scope] = (parts[scope] ?? '') + token.text;
  }
  return parts;
}

function hasDirectiveScope(tokens: Token[]): boolean {
  return tokens.some((token) => token.scopes.some((scope) => scope.endsWith('.preflight')));
}

/** Per language: the comment form and a string holding directive text (which must stay a string). */
const LANGUAGES = [
  { name: 'dotenv', scope: 'source.dotenv', prefix: '', code: 'DJANGO_DEBUG=True', string: 'NOTE="# preflight: disable-line DJ201"', comment: 'comment.line.number-sign.dotenv' },
  { name: 'Python', scope: 'source.python', prefix: '', code: 'DEBUG = True', string: 'NOTE = "# preflight: disable-line DJ201"', comment: 'comment.line.number-sign.python' },
  { name: 'YAML', scope: 'source.yaml', prefix: '  ', code: '  DJANGO_DEBUG: "True"', string: '  NOTE: "# preflight: disable-line DJ201"', comment: 'comment.line.number-sign.yaml' },
  { name: 'systemd unit (ini)', scope: 'source.ini', prefix: '', code: 'ExecStart=/srv/venv/bin/gunicorn config.wsgi', string: 'Description="# preflight: disable-line DJ201"', comment: 'comment.line.number-sign.ini' },
  { name: 'Procfile', scope: 'source.procfile', prefix: '', code: 'web: python manage.py runserver', string: 'web: echo "# preflight: disable-line DJ201"', comment: 'comment.line.number-sign.procfile' },
  { name: 'nginx', scope: 'source.nginx', prefix: '    ', code: '    server_tokens on;', string: '    add_header X-Note "# preflight: disable-line DJ201";', comment: 'comment.line.number-sign.nginx' },
];

describe('directive injection grammar', () => {
  it('is contributed as an injection into dotenv, Python, YAML, Procfile, ini (systemd units) and nginx with a comment selector', () => {
    const injection = contributions.find((grammar) => grammar.scopeName === 'preflight.directives.injection');
    assert.ok(injection, 'package.json contributes the injection grammar');
    assert.deepEqual(injection.injectTo, ['source.dotenv', 'source.python', 'source.yaml', 'source.procfile', 'source.ini', 'source.nginx']);
    const raw = JSON.parse(fs.readFileSync(path.join(REPOSITORY, injection.path), 'utf8'));
    assert.equal(raw.scopeName, injection.scopeName);
    assert.match(raw.injectionSelector, /comment\.line\.number-sign/);
  });

  for (const language of LANGUAGES) {
    describe(language.name, () => {
      it('scopes the keyword and rule codes of disable-next-line, disable-line and disable-file', async () => {
        const lines = [
          `${language.prefix}# preflight: disable-next-line DJ201`,
          `${language.code}  # preflight: disable-line DJ201`,
          `${language.prefix}# preflight: disable-file DJ201,DJ402`,
          `${language.prefix}# preflight:disable-line debug-enabled, DJ402`,
        ];
        const [next, inline, file, names] = await tokenize(language.scope, lines);
        assert.deepEqual(directiveParts(next), {
          'keyword.control.directive.preflight': 'preflight:',
          'keyword.other.directive.preflight': 'disable-next-line',
          'constant.language.rule.preflight': ' DJ201',
        });
        assert.deepEqual(directiveParts(inline), {
          'keyword.control.directive.preflight': 'preflight:',
          'keyword.other.directive.preflight': 'disable-line',
          'constant.language.rule.preflight': ' DJ201',
        });
        assert.deepEqual(directiveParts(file), {
          'keyword.control.directive.preflight': 'preflight:',
          'keyword.other.directive.preflight': 'disable-file',
          'constant.language.rule.preflight': ' DJ201,DJ402',
        });
        assert.deepEqual(directiveParts(names), {
          'keyword.control.directive.preflight': 'preflight:',
          'keyword.other.directive.preflight': 'disable-line',
          'constant.language.rule.preflight': ' debug-enabled, DJ402',
        });
        // The directive stays inside the base grammar's comment: the injection adds scopes, it does not replace them.
        for (const tokens of [next, inline, file, names]) {
          const keyword = tokens.find((token) => token.scopes.includes('keyword.other.directive.preflight'))!;
          assert.ok(keyword.scopes.includes(language.comment), `${keyword.text}: ${keyword.scopes.join(' ')}`);
          assert.equal(keyword.scopes[0], language.scope);
        }
        // The code before an inline directive is not touched.
        assert.ok(!inline.filter((token) => language.code.includes(token.text) && token.text.trim() !== '').some((token) => token.scopes.some((scope) => scope.endsWith('.preflight'))));
      });

      it('leaves ordinary comments, look-alikes and directive text inside strings unscoped', async () => {
        const lookAlikes = [
          `${language.prefix}# an ordinary comment about DJ201`,
          `${language.prefix}# preflight disable-line DJ201`,
          `${language.prefix}# preflight: disable DJ201`,
          `${language.prefix}# preflight: disable-lines DJ201`,
          `${language.prefix}# preflight: enable-line DJ201`,
          `${language.prefix}preflight: disable-line DJ201`,
          language.string,
        ];
        const tokenized = await tokenize(language.scope, lookAlikes);
        tokenized.forEach((tokens, index) => {
          assert.ok(!hasDirectiveScope(tokens), `not a directive: ${JSON.stringify(lookAlikes[index])} got ${JSON.stringify(tokens.filter((token) => token.scopes.some((scope) => scope.endsWith('.preflight'))))}`);
        });
        // The ordinary comment is still a comment (the selector has something to attach to).
        assert.ok(tokenized[0].some((token) => token.scopes.includes(language.comment)));
        // The string is a string, not a comment.
        assert.ok(tokenized.at(-1)!.some((token) => token.text.includes('preflight') && token.scopes.some((scope) => scope.startsWith('string.'))));
      });
    });
  }
});

describe('nginx grammar', () => {
  it('scopes as nginx reads: # starts a comment only at a word start, the first word of a statement is the directive', async () => {
    const [line, inWord, block] = await tokenize('source.nginx', ['    proxy_set_header Host $host; # why', '    set $a x#y;', 'location / { gzip on; }']);
    const scopeOf = (tokens: Token[], text: string) => tokens.find((token) => token.text === text)?.scopes.at(-1);
    assert.equal(scopeOf(line, 'proxy_set_header'), 'keyword.other.directive.nginx');
    assert.equal(scopeOf(line, '$host'), 'variable.other.nginx');
    assert.ok(line.some((token) => token.text.includes('why') && token.scopes.includes('comment.line.number-sign.nginx')));
    assert.ok(!inWord.some((token) => token.scopes.some((scope) => scope.startsWith('comment.'))), JSON.stringify(inWord));
    assert.equal(scopeOf(block, 'location'), 'keyword.other.directive.nginx');
    assert.equal(scopeOf(block, 'gzip'), 'keyword.other.directive.nginx');
    assert.notEqual(scopeOf(block, 'on'), 'keyword.other.directive.nginx');
  });
});
