import { finalStages } from '../parse/dockerfile';
import { isSecretVariable } from './shared/credentials';
import { isNotASecretValue } from './shared/secret-names';
import { maskSecret, secretPlaceholder } from './shared/secrets';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ723',
    name: 'dockerfile-secret-in-build',
    description: 'An ARG or ENV of a Dockerfile gives a secret (SECRET_KEY, a password, a token) a literal value: it is in the committed Dockerfile and, in the final image, in its history and environment for anyone who pulls it.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Secrets are kept out of version control',
    djangoCheck: null,
  },
  checkDockerfile(dockerfile, { report }) {
    const final = new Set(finalStages(dockerfile));
    const places = [
      ...dockerfile.globalArgs.map((assignment) => ({ assignment, inImage: false })),
      ...dockerfile.stages.flatMap((stage) => stage.assignments.map((assignment) => ({ assignment, inImage: final.has(stage) }))),
    ];
    for (const { assignment, inImage } of places) {
      const { name, written, valueRange } = assignment;
      // Only a literal is the secret itself: `ARG SECRET_KEY` and `ENV SECRET_KEY=$SECRET_KEY` come from the build.
      if (written === null || !valueRange || written.trim() === '' || written.includes('$')) continue;
      if (!isSecretVariable(name) || isNotASecretValue(written)) continue;
      // A placeholder (`ARG SECRET_KEY=dummy` for a collectstatic step) leaks nothing.
      if (secretPlaceholder(written)) continue;
      const kept =
        assignment.instruction === 'ENV' && inImage
          ? 'the image keeps it in its environment and history (docker inspect, docker history), for anyone who can pull it'
          : 'docker history shows it for every RUN after it, and the build cache keeps it';
      report({
        range: valueRange,
        message: `${assignment.instruction} ${name} is given the literal ${maskSecret(written)}: it is in the Dockerfile, committed and shared, and ${kept}. Pass it at run time (compose environment, env_file) or, for a build step that needs it, as a build secret (RUN --mount=type=secret).`,
      });
    }
  },
};
