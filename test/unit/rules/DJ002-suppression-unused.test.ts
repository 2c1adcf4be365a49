import { rules } from '../../../server/src/rules';
import { rule } from '../../../server/src/rules/DJ002-suppression-unused';
import { ruleTester } from '../rule-tester';

// Whether a directive is used depends on what the other rules report, so every case runs the
// whole registry beside DJ002 (only DJ002's findings are asserted).
const all = { alsoRun: rules };

ruleTester(rule, {
  valid: [
    { ...all, text: '# preflight: disable-next-line DJ202\nDJANGO_DEBUG=True\n' },
    { ...all, text: 'DJANGO_DEBUG=True # preflight: disable-line debug-enabled-by-env\n', name: 'by name, inline' },
    { ...all, text: '# preflight: disable-file DJ202, DJ207\nDJANGO_DEBUG=True\nLOG_LEVEL=DEBUG\n', name: 'file-wide, both used' },
    { ...all, text: '# preflight: disable-next-line -- reviewed with ops\nDJANGO_DEBUG=True\n', name: 'no list, with a reason' },
    { ...all, text: '# preflight: disable-file DJ002\n# preflight: disable-next-line DJ202\nDJANGO_DEBUG=False\n', name: 'DJ002 silenced by name' },
    { text: '# preflight: disable-next-line DJ202\nDJANGO_DEBUG=False\n', name: 'not judged when DJ202 did not run' },
    { ...all, text: '# preflight: disable-next-line DJ202\nDJANGO_DEBUG=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { ...all, text: '# preflight: disable-next-line DJ202\nDJANGO_DEBUG=False\n', options: { ruleSeverities: { DJ202: 'off' } }, name: 'a rule turned off is not judged' },
    {
      ...all,
      path: 'deploy/app.service',
      text: '[Service]\n# preflight: disable-next-line DJ719 -- the socket needs root; gunicorn drops it in its config\nExecStart=/srv/venv/bin/gunicorn -c /etc/gunicorn.py config.wsgi\nRestart=always\n[Install]\nWantedBy=multi-user.target\n',
      name: 'a systemd unit: a directive on its own line',
    },
  ],
  invalid: [
    {
      ...all,
      path: 'deploy/app.service',
      name: 'a systemd unit: an end-of-line directive is part of the value and silences nothing',
      text: '[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn config.wsgi # preflight: disable-line DJ718, DJ720\n',
      errors: [{ line: 3, column: 46, endColumn: 84, severity: 'hint', message: 'systemd has no end-of-line comments' }],
      output: '[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n',
    },
    {
      ...all,
      text: '# preflight: disable-next-line DJ202\nDJANGO_DEBUG=False\n',
      errors: [{ line: 1, column: 32, endColumn: 37, severity: 'hint', message: 'DJ202 reports no problem on line 2' }],
      output: 'DJANGO_DEBUG=False\n',
    },
    {
      ...all,
      text: '# preflight: disable-file DJ202, DJ207\nLOG_LEVEL=DEBUG\n',
      name: 'one id of a list: the id and its separator go',
      errors: [{ line: 1, column: 27, message: 'DJ202 reports no problem in this file' }],
      output: '# preflight: disable-file DJ207\nLOG_LEVEL=DEBUG\n',
    },
    {
      ...all,
      text: 'A=1\nDJANGO_DEBUG=False  # preflight: disable-line\n',
      name: 'no list, inline, silencing nothing',
      errors: [{ line: 2, column: 21, message: 'no rule reports a problem on line 2' }],
      output: 'A=1\nDJANGO_DEBUG=False\n',
    },
    {
      ...all,
      text: '# preflight: disable-next-line DJ202, DJ999 -- ticket 12\nDJANGO_DEBUG=True\n',
      name: 'an unknown code; the last id takes the separator before it',
      errors: [{ line: 1, column: 39, endColumn: 44, message: '"DJ999" is neither a Preflight rule code nor a rule name' }],
      output: '# preflight: disable-next-line DJ202 -- ticket 12\nDJANGO_DEBUG=True\n',
    },
    {
      text: 'LOG_LEVEL=DEBUG # preflight: disable-line debug-enabeld\n',
      path: '.env',
      name: 'unknown names are reported even when the registry did not run; hint stays hint in an unknown context',
      errors: [{ line: 1, column: 43, severity: 'hint', message: '"debug-enabeld" is neither' }],
      output: 'LOG_LEVEL=DEBUG\n',
    },
  ],
});
