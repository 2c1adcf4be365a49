import { rule } from '../../../server/src/rules/DJ111-credential-weak';
import { ruleTester } from '../rule-tester';

const strong = 'kP3vX9qLm2RzT7wBn4Yc';

ruleTester(rule, {
  valid: [
    { text: `POSTGRES_USER=app\nPOSTGRES_PASSWORD=${strong}\n`, path: '.envs/.production/.postgres' },
    { text: `DATABASE_URL=postgres://app:${strong}@postgres:5432/app\nREDIS_URL=redis://:${strong}@redis:6379/0\n` },
    { text: 'POSTGRES_PASSWORD=\nDATABASE_URL=postgres://app:@postgres/app\n', name: 'empty values are not this rule' },
    { text: 'DATABASE_URL=postgres://postgres@postgres:5432/app\nREDIS_URL=redis://redis:6379/0\n', name: 'URLs without a password' },
    { text: 'POSTGRES_USER=postgres\nPOSTGRES_HOST=postgres\n', name: 'a user name is not a credential' },
    { text: 'POSTGRES_PASSWORD=${DB_PASSWORD}\nDATABASE_URL=postgres://app:${PW}@db/app\n', name: 'references compose fills in' },
    { text: 'DJANGO_SECRET_KEY=short\n', name: 'the secret key is DJ102' },
    { text: 'DATABASE_URL=postgres://app:kP3vX9@qLm2RzT7@postgres/app\n', name: 'an unencoded @ belongs to the password, as in urlparse' },
    { text: 'POSTGRES_PASSWORD=postgres\n', path: '.envs/.local/.postgres', name: 'development context reports nothing' },
    { text: 'SENTRY_DSN=https://abc123def456@o0.ingest.sentry.io/1\nPWD=/app\n', name: 'a DSN with only a public key; the shell\'s PWD' },
  ],
  invalid: [
    {
      text: 'MONGO_URI=mongodb://app:app@mongo/app\nDB_PWD=hunter2\n',
      name: 'a *_URI with a password, a *_PWD',
      errors: [
        { line: 1, column: 25, message: "MONGO_URI's password equals its user" },
        { line: 2, column: 8, message: 'DB_PWD has only 7 characters' },
      ],
    },
    {
      text: 'POSTGRES_HOST=postgres\nPOSTGRES_PASSWORD=!!!SET POSTGRES_PASSWORD!!!\n',
      path: '.envs/.production/.postgres',
      name: 'cookiecutter template placeholder',
      errors: [{ line: 2, column: 19, endColumn: 46, severity: 'error', message: 'POSTGRES_PASSWORD is a "!!!SET ...!!!" template placeholder' }],
    },
    {
      text: 'POSTGRES_USER=postgres\nPOSTGRES_PASSWORD=postgres\n',
      errors: [{ line: 2, column: 19, message: 'is a well-known default' }],
      secret: 'postgres',
      output: /^POSTGRES_USER=postgres\nPOSTGRES_PASSWORD=[A-Za-z0-9]{32}\n$/,
    },
    {
      text: 'POSTGRES_USER=app\nPOSTGRES_PASSWORD=postgres\n',
      path: '.envs/.production/.postgres',
      files: { '.envs/.production/.django': `DATABASE_URL=postgres://app:password@postgres:5432/app\nREDIS_URL=redis://:postgres@redis:6379/0\n` },
      name: 'the URL of the same login changes with it, in the other file; another service does not',
      errors: [{ line: 2, column: 19, message: 'is a well-known default' }],
      output: /^POSTGRES_USER=app\nPOSTGRES_PASSWORD=[A-Za-z0-9]{32}\n$/,
      outputFiles: { '.envs/.production/.django': /^DATABASE_URL=postgres:\/\/app:[A-Za-z0-9]{32}@postgres:5432\/app\nREDIS_URL=redis:\/\/:postgres@redis:6379\/0\n$/ },
    },
    {
      text: 'POSTGRES_USER=myapp_database\nPOSTGRES_PASSWORD="myapp_database"\n',
      errors: [{ line: 2, column: 19, message: 'POSTGRES_PASSWORD equals POSTGRES_USER' }],
    },
    {
      text: 'CELERY_FLOWER_USER=flowerops\nCELERY_FLOWER_PASSWORD=x7Kq9z\n',
      errors: [{ line: 2, column: 24, message: 'has only 6 characters (at least 12 expected)' }],
      secret: 'x7Kq9z',
    },
    {
      text: 'DATABASE_URL=postgres://app:password@postgres:5432/app\n',
      name: 'the password part of DATABASE_URL',
      errors: [{ line: 1, column: 29, endColumn: 37, message: "DATABASE_URL's password is a placeholder word" }],
    },
    {
      text: 'DATABASE_URL=postgres://app:p@ss@postgres/app\n',
      name: 'the password runs to the last @',
      errors: [{ line: 1, column: 29, endColumn: 33, message: 'has only 4 characters' }],
      secret: 'p@ss',
    },
    {
      text: 'REDIS_URL=redis://:changeme@redis:6379/0\n',
      errors: [{ line: 1, column: 20, endColumn: 28, message: "REDIS_URL's password is a \"change me\" placeholder" }],
    },
    {
      text: 'CELERY_BROKER_URL=amqp://rabbit_admin_user:rabbit_admin_user@rabbitmq:5672//\n',
      errors: [{ line: 1, column: 44, message: "CELERY_BROKER_URL's password equals its user" }],
    },
    {
      text: 'MAILGUN_API_KEY=key-123\nEMAIL_HOST_PASSWORD=hunter2\n',
      errors: [{ line: 1, column: 17, message: '7 characters' }, { line: 2, column: 21, message: '7 characters' }],
      secret: 'hunter2',
    },
    { text: 'DB_PASSWORD=root\n', path: '.env', name: 'unknown context softens to warning', errors: [{ line: 1, column: 13, severity: 'warning' }] },
  ],
});
