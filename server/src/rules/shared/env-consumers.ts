/**
 * Environment variables something other than the Django settings reads: the interpreter, the
 * application server, the database images, cloud SDKs. DJ803 never calls them unused. Kept short
 * on purpose: a name belongs here only when a widely used tool reads it from the environment by
 * itself, with nothing in the project's code asking for it.
 */
export interface EnvConsumer {
  /** An exact name, or a prefix ending in `*`. */
  pattern: string;
  /** Who reads it, for the docs page and the trace. */
  readBy: string;
}

export const ENV_CONSUMERS: EnvConsumer[] = [
  { pattern: 'DJANGO_SETTINGS_MODULE', readBy: 'Django itself (manage.py, wsgi.py, asgi.py, django-admin)' },
  { pattern: 'DJANGO_CONFIGURATION', readBy: 'django-configurations' },
  { pattern: 'PYTHON*', readBy: 'the Python interpreter (PYTHONUNBUFFERED, PYTHONDONTWRITEBYTECODE, PYTHONPATH, …)' },
  { pattern: 'WEB_CONCURRENCY', readBy: 'gunicorn and uvicorn (number of workers)' },
  { pattern: 'GUNICORN_CMD_ARGS', readBy: 'gunicorn' },
  { pattern: 'UVICORN_*', readBy: 'uvicorn' },
  { pattern: 'PORT', readBy: 'gunicorn and most platforms (Heroku, Cloud Run, Render)' },
  { pattern: 'POSTGRES_*', readBy: 'the postgres image, and cookiecutter-django\'s entrypoint that builds DATABASE_URL from them' },
  { pattern: 'PG*', readBy: 'libpq and psql (PGHOST, PGPASSWORD, PGSSLMODE, PGDATA, …)' },
  { pattern: 'MYSQL_*', readBy: 'the mysql image' },
  { pattern: 'MARIADB_*', readBy: 'the mariadb image' },
  { pattern: 'CELERY_FLOWER_USER', readBy: 'cookiecutter-django\'s Flower start script' },
  { pattern: 'CELERY_FLOWER_PASSWORD', readBy: 'cookiecutter-django\'s Flower start script' },
  { pattern: 'FLOWER_*', readBy: 'Flower' },
  { pattern: 'SENTRY_ENVIRONMENT', readBy: 'sentry-sdk' },
  { pattern: 'SENTRY_RELEASE', readBy: 'sentry-sdk' },
  { pattern: 'AWS_ACCESS_KEY_ID', readBy: 'boto3 / botocore' },
  { pattern: 'AWS_SECRET_ACCESS_KEY', readBy: 'boto3 / botocore' },
  { pattern: 'AWS_SESSION_TOKEN', readBy: 'boto3 / botocore' },
  { pattern: 'AWS_DEFAULT_REGION', readBy: 'boto3 / botocore' },
  { pattern: 'AWS_REGION', readBy: 'boto3 / botocore' },
  { pattern: 'AWS_PROFILE', readBy: 'boto3 / botocore' },
  { pattern: 'GOOGLE_APPLICATION_CREDENTIALS', readBy: 'Google Cloud client libraries' },
  { pattern: 'TZ', readBy: 'the C library and the container' },
  { pattern: 'LANG', readBy: 'the C library and the container' },
  { pattern: 'LC_*', readBy: 'the C library and the container' },
  { pattern: 'COMPOSE_*', readBy: 'docker compose' },
];

/** The consumer that reads a variable by itself, or null. */
export function envConsumerOf(variable: string): EnvConsumer | null {
  return (
    ENV_CONSUMERS.find((consumer) =>
      consumer.pattern.endsWith('*') ? variable.startsWith(consumer.pattern.slice(0, -1)) : variable === consumer.pattern,
    ) ?? null
  );
}
