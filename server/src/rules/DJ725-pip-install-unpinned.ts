import { SourceText } from '../parse/source-text';
import { pipInstalls } from '../parse/python-dependencies';
import { parseRequirementString } from '../parse/requirements';
import { Rule } from './rule';

/** The installer's own tooling, upgraded before the real install: its version does not decide the application's. */
const INSTALLER_TOOLS = new Set(['pip', 'setuptools', 'wheel']);

export const rule: Rule = {
  meta: {
    code: 'DJ725',
    name: 'pip-install-unpinned',
    description: 'A Dockerfile RUN pip-installs packages by name without an exact version (`pip install django gunicorn`) instead of from a pinned requirements or lock file, so each build may install different releases.',
    category: 'hygiene',
    severity: 'warning',
    checklistItem: 'Dependencies are installed from `requirements.txt`',
    djangoCheck: null,
  },
  checkDockerfile(dockerfile, { file, report }) {
    const source = new SourceText(file.text ?? '');
    for (const run of dockerfile.stages.flatMap((stage) => stage.runs)) {
      const unpinned: string[] = [];
      for (const install of pipInstalls(run.command)) {
        for (const word of install.requirements) {
          const parsed = parseRequirementString(word, run.line + 1);
          if ('problem' in parsed || parsed.url || INSTALLER_TOOLS.has(parsed.name)) continue;
          if (parsed.specifier.split(',').some((clause) => /^\s*===?\s*[^*\s]+\s*$/.test(clause))) continue;
          unpinned.push(word);
        }
      }
      if (unpinned.length === 0) continue;
      // On the first unpinned requirement where it is written, else the whole RUN.
      const start = source.offsetAt(run.range.start);
      const at = source.text.indexOf(unpinned[0], start);
      const range = at >= 0 && at < source.offsetAt(run.range.end) ? source.rangeOf(at, at + unpinned[0].length) : run.range;
      const names = unpinned.map((word) => `\`${word}\``).join(', ');
      report({
        range,
        message: `This RUN installs ${names} without an exact version: every build takes whatever is newest on PyPI that day, so two builds of one commit can run different releases (a new major Django, a broken dependency) and a rollback does not bring back the old ones. Pin them (\`django==5.2.8\`) or install from a pinned requirements or lock file (\`pip install -r requirements.txt\`, \`uv sync --locked\`).`,
      });
    }
  },
};
