import * as path from 'path';
import { deleteOwnLinesFix, fileServices } from './shared/compose-services';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ715',
    name: 'source-mounted-in-production',
    description: 'A production service bind-mounts the project source (`.:/app`), so it runs whatever is on the server\'s disk instead of the built image.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Images are pinned to a version and the source is not bind-mounted',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    // compose.override.yaml and friends mount the source for development on purpose.
    if (project.contextOf(file).context !== 'production') return;
    const folder = path.dirname(file.path);
    for (const { service, effective } of fileServices(project, file, compose)) {
      const build = effective?.build ?? service.build;
      const context = build?.context ? path.resolve(folder, build.context) : null;
      for (const volume of service.volumes) {
        if (volume.inherited || volume.type !== 'bind' || !volume.source || /\$/.test(volume.source)) continue;
        const source = path.resolve(folder, volume.source.trim());
        const isSource = source === folder || source === context || (context !== null && context.startsWith(source + path.sep));
        if (!isSource) continue;
        report({
          range: volume.range,
          message: `Service \`${service.name}\` mounts the project source (${volume.source}) over the image: production runs the files on the server's disk, edits and leftovers included, not the image that was built and tested.`,
          fixes: deleteOwnLinesFix(file, compose, volume.range, `Delete the ${volume.source} mount`),
        });
      }
    }
  },
};
