import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalImage, parseDockerfile } from '../../../server/src/parse/dockerfile';

describe('Dockerfile reading', () => {
  it('follows ARG and ENV into WORKDIR and COPY destinations, in the final stage', () => {
    const image = finalImage(
      parseDockerfile(
        [
          'ARG PYTHON_VERSION=3.12',
          'FROM python:${PYTHON_VERSION} AS build',
          'COPY ./requirements /requirements',
          'FROM python:${PYTHON_VERSION}',
          'ARG APP_HOME=/app',
          'ENV PYTHONUNBUFFERED=1 \\',
          '    HOME_DIR="${APP_HOME}"',
          'WORKDIR ${APP_HOME}',
          'COPY --from=build /wheels /wheels/',
          'COPY --chown=django:django ./compose/entrypoint /entrypoint',
          'COPY start.sh scripts/',
          'COPY . ${APP_HOME}',
          'ENTRYPOINT ["/entrypoint"]',
        ].join('\n'),
      ),
    );
    assert.equal(image.workdir, '/app');
    // The build stage's COPY and the --from copy do not bring project files into this image.
    assert.deepEqual(image.copies.map((copy) => [copy.sources, copy.destination, copy.line + 1]), [
      [['./compose/entrypoint'], '/entrypoint', 10],
      [['start.sh'], '/app/scripts/', 11],
      [['.'], '/app', 12],
    ]);
    assert.deepEqual(image.entrypoint?.words, ['/entrypoint']);
    assert.equal(image.entrypoint?.line, 12);
    assert.deepEqual(image.env.map((variable) => variable.name), ['PYTHONUNBUFFERED', 'HOME_DIR']);
  });

  it('reads shell and exec forms; a later ENTRYPOINT drops an inherited CMD, and a stage FROM a stage inherits it', () => {
    const image = finalImage(parseDockerfile('FROM python AS base\nWORKDIR /srv\nCMD /start\nFROM base\nENTRYPOINT /bin/sh -c "/entrypoint"\n'));
    assert.equal(image.workdir, '/srv');
    assert.equal(image.cmd, null);
    assert.deepEqual(image.entrypoint?.words, ['/bin/sh', '-c', '"/entrypoint"']);
    const same = finalImage(parseDockerfile('FROM python\nCMD ["gunicorn", "config.wsgi"]\nENTRYPOINT ["/entrypoint"]\n'));
    assert.deepEqual([same.entrypoint?.words, same.cmd?.words], [['/entrypoint'], ['gunicorn', 'config.wsgi']]);
  });

  it('skips comments inside continuations, heredoc COPYs and unparseable lines without throwing', () => {
    const image = finalImage(parseDockerfile('FROM python\nCOPY <<EOF /etc/x\nhello\nEOF\nRUN a \\\n# note\n  b\nCOPY ["a b.sh", "/c.sh"]\n???\n'));
    assert.deepEqual(image.copies.map((copy) => [copy.sources, copy.destination]), [[['a b.sh'], '/c.sh']]);
    assert.deepEqual(finalImage(parseDockerfile('')), { copies: [], entrypoint: null, cmd: null, env: [], workdir: '/' });
  });

  it('reads HEALTHCHECK, the last stage that sets one winning, and HEALTHCHECK NONE', () => {
    assert.deepEqual(finalImage(parseDockerfile('FROM python\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1\n')).healthcheck, { none: false, line: 1 });
    assert.deepEqual(finalImage(parseDockerfile('FROM python AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n')).healthcheck, { none: true, line: 3 });
    assert.deepEqual(finalImage(parseDockerfile('FROM python AS build\nHEALTHCHECK CMD true\nFROM python\nCMD gunicorn\n')).healthcheck, undefined, 'a stage the final image is not built FROM');
  });
});
