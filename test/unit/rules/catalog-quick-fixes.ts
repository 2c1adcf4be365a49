/**
 * The "Quick fix" column of the rule catalog (RULES.md), and the one place that lists where a
 * rule does not (yet) offer the fix its row names, with the reason. The rule tester enforces it:
 * a rule whose row names a fix must have, for every file kind it checks, a table case whose
 * `output` shows the fix applied — unless an exception below says why not.
 */

/** Code -> the catalog's quick fix; null where the catalog names none ("—"). */
export const CATALOG_QUICK_FIXES: Record<string, string | null> = {
  DJ001: null,
  DJ002: 'remove the unused rule id, or the whole directive',
  DJ003: null,
  DJ101: 'replace with env("DJANGO_SECRET_KEY") / os.environ["DJANGO_SECRET_KEY"] and add a generated key to the production env file',
  DJ102: 'replace with a generated key',
  DJ103: 'generated key',
  DJ104: 'generated key',
  DJ105: 'insert a generated key',
  DJ106: 'drop the default',
  DJ107: 'remove the entry',
  DJ108: 'regenerate the production copy',
  DJ109: 'single-quote it (env) / $$ (compose) / regenerate a secret',
  DJ110: 'replace with an env lookup, add a stub to the env file',
  DJ111: 'generate (and keep URL and standalone key in step)',
  DJ112: 'append it to .gitignore (and say how to untrack it)',
  DJ113: null,
  DJ201: 'DEBUG = False or env.bool("DJANGO_DEBUG", default=False)',
  DJ202: 'set it to False',
  DJ203: 'flip the default',
  DJ204: 'set False',
  DJ205: 'delete it',
  DJ206: 'set DJANGO_SETTINGS_MODULE to the production module',
  DJ207: 'set INFO',
  DJ301: 'placeholder to fill in',
  DJ302: null,
  DJ303: 'prefix https://',
  DJ304: 'add proxy_set_header Host $host',
  DJ401: 'insert it first',
  DJ402: 'add the HSTS block',
  DJ403: 'set True',
  DJ404: 'set True',
  DJ405: 'set True',
  DJ406: 'add ("HTTP_X_FORWARDED_PROTO", "https")',
  DJ407: 'set True / delete',
  DJ408: '"same-origin"',
  DJ409: 'choose a valid value',
  DJ410: 'insert it',
  DJ411: '"DENY"',
  DJ412: 'remove it',
  DJ420: null,
  DJ416: 'insert ContentSecurityPolicyMiddleware after SecurityMiddleware and a starter SECURE_CSP (review)',
  DJ413: 'add proxy_set_header X-Forwarded-Proto $scheme',
  DJ414: 'return 301 https://$host$request_uri',
  DJ415: 'server_tokens off',
  DJ417: 'keep only TLSv1.2 and TLSv1.3',
  DJ418: null,
  DJ501: 'set True',
  DJ502: 'set True',
  DJ503: 'set True',
  DJ504: 'insert it',
  DJ505: '"Lax"',
  DJ601: 'PostgreSQL URL template',
  DJ602: 'the compose service name',
  DJ603: 'SMTP backend',
  DJ604: 'generated path',
  DJ605: 'stub X= line',
  DJ606: 'append ?sslmode=require',
  DJ607: 'CONN_MAX_AGE = 60',
  DJ608: null,
  DJ609: null,
  DJ610: 'STATIC_ROOT = BASE_DIR / "staticfiles"',
  DJ611: null,
  DJ612: 'None',
  DJ616: null,
  DJ615: 'a STORAGES block for DEFAULT_FILE_STORAGE / STATICFILES_STORAGE (review); delete the dead line when STORAGES is set',
  DJ613: 'expires 30d',
  DJ614: 'gzip on',
  DJ617: 'raise client_max_body_size to DATA_UPLOAD_MAX_MEMORY_SIZE',
  DJ701: 'delete, or bind 127.0.0.1:',
  DJ702: 'bind 127.0.0.1:',
  DJ703: 'gunicorn command template',
  DJ704: '${VAR:?…} + move the value to an env file',
  DJ705: '${VAR:?…}',
  DJ706: 'create a stub / required: false',
  DJ707: 'swap for the production counterpart',
  DJ708: 'delete',
  DJ709: null,
  DJ710: 'delete',
  DJ711: null,
  DJ712: null,
  DJ713: 'template per image',
  DJ714: 'restart: unless-stopped',
  DJ715: 'delete',
  DJ716: null,
  DJ717: 'add a release: process that runs manage.py migrate',
  DJ740: 'add it to the production requirements file or the pyproject dependencies array',
  DJ741: 'add whitenoise',
  DJ742: 'add psycopg[binary] (psycopg2-binary before Django 4.2)',
  DJ743: null,
  DJ744: 'insert it after SecurityMiddleware',
  DJ718: 'add Restart=on-failure',
  DJ719: null,
  DJ720: 'add [Install] WantedBy=multi-user.target',
  DJ721: null,
  DJ722: 'set the variable to its false value',
  DJ723: null,
  DJ724: null,
  DJ725: null,
  DJ730: 'remove --reload / set reload = False',
  DJ731: 'log at info',
  DJ732: null,
  DJ733: 'remove --forwarded-allow-ips',
  DJ801: 'delete the earlier one',
  DJ802: 'quote / add =',
  DJ803: 'rename',
  DJ901: 'remove the unknown id, or the whole marker',
  DJ902: null,
  DJ903: 'untick the item',
};

/**
 * Where a rule whose row names a fix offers none, keyed by code (every kind) or `code:kind`
 * (`DJ102:compose`), with the reason. Keep reasons concrete: what is missing to build the fix.
 */
export const QUICK_FIX_EXCEPTIONS: Record<string, string> = {
  'DJ111:compose':
    'a credential written in a compose file is committed with it (DJ704 moves it to an env file); generating a new one into ' +
    'the compose file would commit the new secret too',
  'DJ206:settings':
    'the settings side reports a production chain that imports a development module; what should replace the import ' +
    '(the base module? nothing?) depends on what the production module needs from it, which no file says',
  'DJ733:gunicorn-config':
    'the config line may serve other starts of the file that sit behind a proxy; which addresses to trust is the proxy\'s, ' +
    'which the file does not say (the command-line flag, judged per start, is removed by the fix)',
  'DJ602:env':
    'the fix writes the compose service that runs the database or cache; the env rule does not know the compose services ' +
    '(the compose model, issue 4, will name them)',
};

/**
 * The file kinds a rule checks, by the hooks it implements ('any': a case in any file will do).
 * checkFile reads no parsed form (DJ001, DJ113) and is not asked for a fix.
 */
export const KIND_HOOKS: Record<string, string> = { checkEnv: 'env', checkSettings: 'settings', checkCompose: 'compose', checkSuppressions: 'any', checkChecklist: 'checklist', checkConfig: 'config', checkProcfile: 'procfile', checkDependencies: 'dependencies', checkSystemdUnit: 'systemd-unit', checkDockerfile: 'dockerfile', checkNginx: 'nginx', checkGunicornConfig: 'gunicorn-config' };
