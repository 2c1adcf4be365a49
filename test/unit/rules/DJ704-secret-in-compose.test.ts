import { rule } from '../../../server/src/rules/DJ704-secret-in-compose';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const django = (environment: string) => `services:\n  django:\n    image: app\n    environment:\n${environment}`;
const KEY = 'k8Jq2mZ0vX7pL4rT9wY1bN6cH3sD5fG0aQ2eR8uI4oP7lK1j';

ruleTester(rule, {
  valid: [
    { path, text: django('      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY:?set it}\n') },
    { path, text: django('      DJANGO_SECRET_KEY:\n'), name: 'pass-through' },
    { path, text: django('      - POSTGRES_PASSWORD\n'), name: 'pass-through, list form' },
    { path, text: django('      DJANGO_DEBUG: "False"\n'), name: 'not a secret' },
    { path, text: django('      DATABASE_URL: postgres://app@db:5432/app\n'), name: 'URL without password' },
    { path: 'docker-compose.local.yml', text: django('      DJANGO_SECRET_KEY: abc\n'), name: 'development compose file' },
    { path, text: django('      SENTRY_DSN: https://abc123def456@o0.ingest.sentry.io/1\n'), name: 'a Sentry DSN carries a public key, no password' },
    { path, text: django('      PASSWORD_RESET_TIMEOUT: "3600"\n      AWS_ACCESS_KEY_ID: app-uploads\n      TOKEN_EXPIRY_SECONDS: "600"\n'), name: 'names that merely contain a keyword' },
    { path, text: django('      EMAIL_HOST_PASSWORD: <your password>\n      SLACK_TOKEN: "false"\n'), name: 'a template and a boolean word are no secret (detect-secrets\' filters)' },
  ],
  invalid: [
    {
      path,
      text: django(`      DJANGO_SECRET_KEY: ${KEY}\n`),
      secret: KEY,
      errors: [{ line: 5, column: 26, severity: 'error', message: 'set to a literal "k8J•••" (48 characters)' }],
    },
    {
      path,
      name: 'moved to the .env beside the compose file',
      text: django('      DJANGO_SECRET_KEY: abc\n'),
      files: { '.env': 'TAG=1\n' },
      errors: [{ line: 5, column: 26 }],
      output: django('      DJANGO_SECRET_KEY: "${DJANGO_SECRET_KEY:?set DJANGO_SECRET_KEY in .env}"\n'),
    },
    { path, text: django('      - POSTGRES_PASSWORD=hunter2hunter2\n'), secret: 'hunter2hunter2', errors: [{ line: 5, column: 27 }] },
    {
      path,
      name: 'client, webhook and S3 secrets, a private key',
      text: django('      GOOGLE_CLIENT_SECRET: k8Jq2mZ0vX7pL4rT\n      STRIPE_WEBHOOK_SECRET: whsec_k8Jq2mZ0vX7p\n      MINIO_SECRET_ACCESS_KEY: k8Jq2mZ0vX7pL4rT9\n      JWT_PRIVATE_KEY: k8Jq2mZ0vX7pL4rT9w\n'),
      errors: [{ line: 5, column: 29 }, { line: 6, column: 30 }, { line: 7, column: 32 }, { line: 8, column: 24 }],
    },
    { path, text: django('      SENTRY_DSN: "https://abc123:s3cr3tpassw0rd@sentry.example.com/1"\n'), secret: 's3cr3tpassw0rd', errors: [{ line: 5, column: 19, message: 'URL with a password' }] },
    { path, text: django('      DATABASE_URL: "postgres://app:s3cr3tpassw0rd@db/app"\n'), secret: 's3cr3tpassw0rd', errors: [{ line: 5, column: 21, message: 'URL with a password' }] },
  ],
});
