import { parseServiceUrl } from '../parse/django-environ';
import type { ComposeFile } from '../parse/compose';
import { serviceEnvironment } from '../project/compose-application';
import { checkComposeEnvironment } from './shared/compose-environment-side';
import { fileServices, serviceIdentity } from './shared/compose-services';
import { Rule, RuleContext } from './rule';
import { REDIS_SCHEMES, queryParameter, redisUrlEntries, urlHost } from './shared/service-urls';

export const rule: Rule = {
  meta: {
    code: 'DJ608',
    name: 'redis-no-password',
    description: 'A Redis URL (REDIS_URL, CELERY_BROKER_URL, CELERY_RESULT_BACKEND, CACHE_URL, *_REDIS_URL) has no password, or REDIS_PASSWORD is empty.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Enable password authentication',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
    reportRedisServicesWithoutPassword(compose, context);
  },
  checkEnv(env, { report }) {
    for (const entry of redisUrlEntries(env)) {
      const url = parseServiceUrl(entry.value);
      if (!url || !REDIS_SCHEMES.includes(url.scheme)) continue;
      // redis-py also takes the password from a `?password=` query parameter.
      if (url.password !== '' || queryParameter(entry.value, 'password')) continue;
      const host = urlHost(entry.value)?.host;
      const server = host ? (url.port ? `${host}:${url.port}` : host) : 'the Redis server';
      const exposure =
        entry.key === 'CELERY_BROKER_URL'
          ? 'read the task queue and queue tasks for the Celery workers to run'
          : 'read and change everything stored in it';
      report({
        range: entry.valueRange,
        message: `${entry.key} has no password: anything that can connect to ${server} can ${exposure}.`,
      });
    }

    const password = env.get('REDIS_PASSWORD');
    if (password && password.value === '') {
      report({
        range: password.keyRange,
        message: 'REDIS_PASSWORD is empty: whatever reads it connects to, or starts, Redis without authentication.',
      });
    }
  },
};

const REDIS_IMAGE = /\b(redis|valkey|keydb)\b/i;
/** Ways a Redis container gets a password: the server flag, a config file, or an image's variable (bitnami). */
const PASSWORD_COMMAND = /--requirepass\b|--aclfile\b|\.conf\b/;
const PASSWORD_VARIABLES = ['REDIS_PASSWORD', 'VALKEY_PASSWORD', 'REDIS_ARGS'];

/** A redis service started without authentication: any container on its network can read and write it. */
function reportRedisServicesWithoutPassword(compose: ComposeFile, { file, project, report }: RuleContext): void {
  for (const { service, effective } of fileServices(project, file, compose)) {
    if (effective && effective.primary.service !== service) continue;
    if (!REDIS_IMAGE.test(serviceIdentity(service, effective)) || /exporter|commander|insight/i.test(serviceIdentity(service, effective))) continue;
    const command = [effective?.entrypoint?.text ?? service.entrypoint?.text, effective?.command?.text ?? service.command?.text].filter(Boolean).join(' ');
    if (PASSWORD_COMMAND.test(command)) continue;
    const environment = effective ? serviceEnvironment(project, effective) : null;
    const variable = PASSWORD_VARIABLES.find((key) => environment?.has(key) || service.environment.some((entry) => entry.key === key));
    if (variable && variable !== 'REDIS_ARGS') continue;
    if (variable === 'REDIS_ARGS' && /--requirepass/.test(environment?.get('REDIS_ARGS')?.value ?? '')) continue;
    report({
      range: service.nameRange,
      message: `Service \`${service.name}\` starts Redis without --requirepass: every container on its network (and anything its published port reaches) can read the cache and queue tasks.`,
    });
  }
}
