import { rule } from '../../../server/src/rules/DJ725-pip-install-unpinned';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'Dockerfile', text: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { path: 'Dockerfile', name: 'exact pins', text: 'FROM python:3.12\nRUN pip install django==5.2.8 "gunicorn==23.0.0"\n' },
    { path: 'Dockerfile', name: 'the installer tooling, local wheels and the project itself', text: 'FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel && pip install --no-index --find-links=/wheels/ /wheels/* && pip install -e .\n' },
    { path: 'Dockerfile', name: 'not pip', text: 'FROM python:3.12\nRUN apt-get install -y libpq-dev\n' },
    { path: 'Dockerfile.dev', name: 'a development Dockerfile', text: 'FROM python:3.12\nRUN pip install django\n' },
  ],
  invalid: [
    {
      path: 'Dockerfile',
      text: 'FROM python:3.12\nRUN pip install -r requirements.txt && \\\n    pip install gunicorn "psycopg>=3.2" django==5.2.8\n',
      errors: [{ line: 3, column: 17, endColumn: 25, severity: 'warning', message: 'This RUN installs `gunicorn`, `psycopg>=3.2` without an exact version' }],
    },
    {
      path: 'Dockerfile',
      name: 'python -m pip and uv pip, one finding per RUN',
      text: 'FROM python:3.12\nRUN python -m pip install django\nRUN uv pip install --system django-environ==0.12.0 whitenoise\n',
      errors: [
        { line: 2, column: 27, message: '`django`' },
        { line: 3, column: 52, message: '`whitenoise`' },
      ],
    },
  ],
});
