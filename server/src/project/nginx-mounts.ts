/**
 * nginx configurations a compose service mounts into /etc/nginx (`./deploy/site.conf:/etc/nginx/conf.d/default.conf`):
 * nginx files whatever their name. A mounted folder makes the files in it nginx's.
 */
import * as path from 'path';
import { composeOf } from './compose-application';
import type { ProjectFile } from './model';

const cache = new WeakMap<ProjectFile, string[]>();

/** The host paths a compose file bind-mounts into /etc/nginx (files or folders), absolute. */
export function nginxMountSources(file: ProjectFile): readonly string[] {
  if (file.kind !== 'compose' || file.text === null) return [];
  let sources = cache.get(file);
  if (!sources) {
    sources = [];
    const compose = composeOf(file);
    for (const service of compose.readable ? compose.services : []) {
      for (const volume of service.volumes) {
        if (volume.type !== 'bind' || !volume.source || !volume.target) continue;
        if (volume.target !== '/etc/nginx' && !volume.target.startsWith('/etc/nginx/')) continue;
        // An unresolved variable (`${NGINX_CONF}`) names no file Preflight can know.
        if (volume.source.includes('$') || volume.source.startsWith('~')) continue;
        sources.push(path.resolve(path.dirname(file.path), volume.source));
      }
    }
    cache.set(file, sources);
  }
  return sources;
}

/** Whether a file is, or is inside, one of the mounted sources. */
export function isMountedIntoNginx(filePath: string, sources: readonly string[]): boolean {
  return sources.some((source) => filePath === source || filePath.startsWith(source + path.sep));
}
