import { productionSettings } from '../settings/project-settings';
import { dictGet } from '../settings/value';
import { below } from '../project/django-version';
import { declaredPackage } from '../project/production-dependencies';
import { configString, databaseAliases } from './shared/database-setting';
import { RelatedLocation, Rule } from './rule';

/** The drivers Django's PostgreSQL backend imports: psycopg (3) from Django 4.2, psycopg2 always. */
const PSYCOPG2 = ['psycopg2', 'psycopg2-binary'];
const PSYCOPG3 = ['psycopg', 'psycopg-binary', 'psycopg-c'];

export const rule: Rule = {
  meta: {
    code: 'DJ742',
    name: 'postgres-driver-not-a-dependency',
    description: 'A production database uses PostgreSQL, but the production dependencies install neither psycopg nor psycopg2.',
    category: 'data',
    severity: 'error',
    checklistItem: 'Use PostgreSQL (not SQLite)',
    djangoCheck: null,
  },
  checkDependencies(dependencies, { file, project, report }) {
    if (!dependencies.known || dependencies.target.file !== file) return;
    const settings = productionSettings(project);
    if (!settings) return;
    // Django 4.1 and older load psycopg2 only.
    const onlyPsycopg2 = below(project.djangoVersion(), '4.2');
    const drivers = onlyPsycopg2 ? PSYCOPG2 : [...PSYCOPG3, ...PSYCOPG2];
    if (drivers.some((name) => declaredPackage(dependencies, name))) return;
    const uses: RelatedLocation[] = [];
    for (const database of databaseAliases(settings)) {
      const engine = configString(database.config, 'ENGINE');
      if (typeof engine !== 'string' || !/postgres|postgis/i.test(engine)) continue;
      const at = dictGet(database.config, 'ENGINE')?.at ?? database.lookup.location;
      uses.push({ path: at.path, range: at.range, message: `DATABASES["${database.alias}"] uses ${engine}` });
    }
    if (uses.length === 0) return;
    const { target } = dependencies;
    const psycopg3Only = onlyPsycopg2 && PSYCOPG3.some((name) => declaredPackage(dependencies, name));
    const requirement = onlyPsycopg2 ? 'psycopg2-binary' : 'psycopg[binary]';
    const edit = target.add?.(requirement);
    report({
      range: target.range,
      message: `${uses[0].message}, but ${target.describe} (with what it includes) and the other production dependency files install ${psycopg3Only ? `only psycopg 3, which Django ${project.djangoVersion().series.join('/')} does not load` : 'neither psycopg nor psycopg2'}: every query fails with ImproperlyConfigured ("Error loading psycopg2 or psycopg module").`,
      related: uses,
      fixes: edit ? [{ title: `Add ${requirement} to ${target.describe}`, safe: false, preferred: true, edits: [{ path: file.path, ...edit }] }] : [],
    });
  },
};
