import { rule } from '../../../server/src/rules/DJ715-source-mounted-in-production';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const compose = (volume: string) => `services:\n  django:\n    build:\n      context: .\n    volumes:\n${volume}    restart: always\n`;

ruleTester(rule, {
  valid: [
    { path, text: compose('      - production_media:/app/media\n') },
    { path, text: compose('      - ./backups:/backups\n'), name: 'a data folder, not the source' },
    { path: 'docker-compose.local.yml', text: compose('      - .:/app:z\n'), name: 'development compose file' },
    { path: 'compose.override.yaml', text: compose('      - .:/app\n'), name: 'the compose override: development' },
  ],
  invalid: [
    { path, text: compose('      - .:/app:z\n'), errors: [{ line: 6, column: 9, endColumn: 17, severity: 'warning', message: 'mounts the project source (.)' }], output: compose('') },
    { path, text: compose('      - ./:/app\n      - production_media:/app/media\n'), errors: [{ line: 6, column: 9 }], output: compose('      - production_media:/app/media\n') },
    { path: 'deploy/docker-compose.production.yml', name: 'an ancestor of the build context', text: 'services:\n  django:\n    build: ..\n    volumes: ["..:/app"]\n', errors: [{ line: 4, column: 15 }] },
  ],
});
