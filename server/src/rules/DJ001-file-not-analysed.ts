import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ001',
    name: 'file-not-analysed',
    description: 'A deployment file could not be analysed (binary, too large, unreadable, a compose file with YAML syntax errors or an alias bomb, a requirements line or lock file that cannot be read, a Dockerfile instruction docker build refuses, an nginx configuration with syntax errors) or was read with replacement characters.',
    category: 'files',
    severity: 'warning',
    checklistItem: 'Production configuration is reviewed',
    djangoCheck: null,
  },
  checkFile({ file, project, report }) {
    const start = { line: 0, character: 0 };
    if (file.skipped) report({ range: { start, end: start }, message: `Preflight skipped this file: ${file.skipped}.` });
    if (file.notice) report({ range: { start, end: start }, severity: 'info', message: `Preflight analysed this file, but ${file.notice}.` });
    // A requirements line or lock file read for the Django version (project/django-version-detection.ts).
    if (file.kind !== 'dependencies' || file.text === null) return;
    const lines = file.text.split('\n');
    for (const problem of project.detectedDjangoVersion().problems) {
      if (problem.path !== file.relativePath) continue;
      const line = Math.min(Math.max(problem.line - 1, 0), lines.length - 1);
      const range = { start: { line, character: 0 }, end: { line, character: lines[line].replace(/\r$/, '').length } };
      if (problem.unknown) report({ range, severity: 'info', message: `Preflight analysed this file, but ${problem.message}.` });
      else report({ range, message: `Preflight could not read this dependency file here: ${problem.message}.` });
    }
  },
  checkCompose(compose, { report }) {
    // The parser records why it read no services: YAML syntax errors, an alias "bomb".
    for (const problem of compose.problems) {
      const why = problem.message.replace(/; it was not analysed$/, '');
      report({ range: problem.range, message: `Preflight could not analyse this compose file (nor can docker compose read it): ${why}.` });
    }
  },
  checkDockerfile(dockerfile, { report }) {
    // The Docker language server's validator: what `docker build` refuses, not matters of style.
    for (const problem of dockerfile.problems) report({ range: problem.range, message: `Preflight read this Dockerfile, but docker build would refuse this instruction: ${problem.message}.` });
  },
  checkProcfile(procfile, { report }) {
    for (const problem of procfile.problems) report({ range: problem.range, message: `Preflight could not read this Procfile line: ${problem.message}.` });
  },
  checkSystemdUnit(unit, { report }) {
    for (const problem of unit.problems) report({ range: problem.range, message: `Preflight could not read this systemd unit line: ${problem.message}.` });
  },
  checkNginx(config, { report }) {
    // nginx refuses the whole configuration at its first syntax error; the rules read nothing of it either.
    for (const problem of config.problems) {
      report({ range: problem.range, message: `Preflight could not analyse this nginx configuration (nor can nginx load it): ${problem.message}.` });
    }
  },
  checkSettings(settings, { file, report }) {
    // An import cycle is cut where it closes: the names that import brings are unknown, so say so there.
    for (const { at, note } of settings.namespace.trace) {
      if (at.path !== file.path || !note.startsWith('import cycle through ')) continue;
      report({ range: at.range, path: at.path, severity: 'info', message: `Preflight analysed this module, but this import closes an ${note}.` });
    }
  },
};
