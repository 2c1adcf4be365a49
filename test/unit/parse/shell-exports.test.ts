import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShellScript } from '../../../server/src/parse/shell-exports';

const exported = (text: string) => parseShellScript(text).exports.map((item) => `${item.name}@${item.range.start.line + 1}:${item.range.start.character + 1}`);

describe('shell script exports', () => {
  it('reads export NAME=, NAME=...; export NAME, declare -x and set -a', () => {
    const text = [
      '#!/bin/sh',
      'export DATABASE_URL="postgres://${POSTGRES_USER}@${POSTGRES_HOST}/db"',
      'BROKER=redis://x; export BROKER',
      'if [ -z "$A" ]; then export A=1 B=2; fi',
      'declare -x DECLARED=yes; declare -r READONLY=1; typeset -rx TYPESET=1',
      'set -a',
      'AUTO=1',
      'set +a',
      'LOCAL=1',
      'export PATH',
    ].join('\n');
    assert.deepEqual(exported(text), ['DATABASE_URL@2:8', 'BROKER@3:1', 'A@4:29', 'B@4:33', 'DECLARED@5:12', 'TYPESET@5:61', 'AUTO@7:1']);
  });

  it('is not fooled by comments, strings, one-command assignments, export -n or here-documents', () => {
    const text = [
      '# export COMMENTED=1',
      'echo "export QUOTED=1"',
      'ONCE=1 ./run',
      'exporter=1',
      'export -n GONE',
      'python << END',
      'export INSIDE=${HEREDOC_READ}',
      'END',
      "cat <<'RAW'",
      '$NOT_READ',
      'RAW',
      'export AFTER=1 # export TRAILING=1',
    ].join('\n');
    const script = parseShellScript(text);
    assert.deepEqual(exported(text), ['AFTER@12:8']);
    assert.ok(script.reads.has('HEREDOC_READ'));
    assert.ok(!script.reads.has('NOT_READ'));
  });

  it('keeps command substitutions whole', () => {
    assert.deepEqual(exported('KEY=$(cat /run/secrets/key; echo) && export KEY\nexport TOKEN="$(a | b)" OTHER=`c d`\n'), ['KEY@1:1', 'TOKEN@2:8', 'OTHER@2:25']);
  });

  it('collects the names the script expands, outside single quotes', () => {
    const script = parseShellScript(`export X="\${REDIS_URL}" Y=$POSTGRES_DB\necho '$SINGLE' "\${DOUBLE:-d}" \\$ESCAPED\n`);
    assert.deepEqual([...script.reads].sort(), ['DOUBLE', 'POSTGRES_DB', 'REDIS_URL']);
  });
});
