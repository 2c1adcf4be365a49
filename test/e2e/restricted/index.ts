/** The Restricted Mode suite: the development extension in a folder VS Code does not trust. */
import { runMochaIn } from '../mocha-run';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
