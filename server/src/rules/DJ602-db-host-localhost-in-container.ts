import { parseServiceUrl } from '../parse/django-environ';
import type { EnvEntry } from '../parse/env';
import { Rule } from './rule';
import type { ComposeEnvironmentEntry, ComposeFile } from '../parse/compose';
import type { Range } from '../parse/source-text';
import { checkComposeEnvironment } from './shared/compose-environment-side';
import { DATA_SERVICE, fileServices } from './shared/compose-services';
import type { Fix, RuleContext } from './rule';
import { databaseUrlEntries, isLoopbackHost, redisUrlEntries, urlHost } from './shared/service-urls';

const HOST_VARIABLES: Record<string, string> = {
  POSTGRES_HOST: 'the database',
  DB_HOST: 'the database',
  DATABASE_HOST: 'the database',
  REDIS_HOST: 'Redis',
};

function serviceOf(entry: EnvEntry): string {
  if (entry.key.endsWith('DATABASE_URL')) return 'the database';
  if (entry.key === 'CELERY_BROKER_URL') return 'the Celery broker';
  if (entry.key === 'CELERY_RESULT_BACKEND') return 'the Celery result backend';
  if (entry.key === 'CACHE_URL') return 'the cache';
  return 'Redis';
}

export const rule: Rule = {
  meta: {
    code: 'DJ602',
    name: 'db-host-localhost-in-container',
    description: 'A database, cache or broker host is localhost in an env file of a project that runs in containers.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Production database configured',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    // The fix names the compose service that runs the store: the compose file knows them.
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context, (report, entry) => ({
      ...report,
      fixes: entry ? serviceHostFix(compose, context, entry, report.range) : [],
    }));
  },
  checkEnv(env, { file, project, report }) {
    const inContainers = file.relativePath.split('/').slice(0, -1).includes('.envs') || project.ofKind('compose').length > 0;
    if (!inContainers) return;

    for (const [key, service] of Object.entries(HOST_VARIABLES)) {
      const entry = env.get(key);
      if (!entry || !isLoopbackHost(entry.value.trim())) continue;
      report({
        range: entry.valueRange,
        message: `${key}=${entry.value} points at the app's own container, not at ${service}: inside a container, localhost is the container itself.`,
      });
    }

    for (const entry of [...databaseUrlEntries(env), ...redisUrlEntries(env)]) {
      if (!parseServiceUrl(entry.value)) continue;
      const host = urlHost(entry.value);
      if (!host || !isLoopbackHost(host.host)) continue;
      report({
        // The URL may carry a password: the message names only the host.
        range: env.valueSubRange(entry, host.start, host.end) ?? entry.valueRange,
        message: `${entry.key} has host ${host.host}, which points at the app's own container, not at ${serviceOf(entry)}: inside a container, localhost is the container itself.`,
      });
    }
  },
};

/** Replaces a loopback host written in compose with the compose service that runs that store. */
function serviceHostFix(compose: ComposeFile, { file, project }: RuleContext, entry: ComposeEnvironmentEntry, range: Range): Fix[] {
  if (!entry.value || entry.value.verbatimStart === null || entry.value.template.parts.some((part) => part.kind === 'variable')) return [];
  const written = compose.source.textIn(range);
  if (!isLoopbackHost(written.trim())) return [];
  const wantsRedis = /REDIS|CELERY|CACHE/.test(entry.key);
  const services = fileServices(project, file, compose).flatMap(({ effective }) => effective?.application.services ?? []);
  const target = [...new Set(services)].find((service) => {
    const identity = `${service.name} ${service.image?.text ?? ''}`;
    if (!DATA_SERVICE.test(identity)) return false;
    return wantsRedis ? /redis|valkey|keydb|memcached|rabbitmq/i.test(identity) : /postgres|postgis|mysql|mariadb|pgbouncer/i.test(identity);
  });
  if (!target) return [];
  return [{ title: `Use the compose service \`${target.name}\` as host`, safe: false, preferred: true, edits: [{ path: file.path, range, newText: target.name }] }];
}
