/**
 * What the evaluator produces and what it asks of the project: a module's names after its top
 * level ran (ModuleNamespace), the modules it may import, and the host that answers for them.
 */

import { PythonFile } from '../parse/python';

import type { EnvironmentValue } from '../project/production';
import {
  EnvRead,
  Location,
  Value,
} from './value';

/** One top-level name of a module and the statement that last bound it. */
export interface Binding {
  value: Value;
  /** The assignment (target to value) that bound it, in the file that did. */
  statement: Location;
}

/** A settings module the evaluator may import. */
export interface ModuleSource {
  path: string;
  /** Dotted name, for messages (`config.settings.base`). */
  name: string;
  python: PythonFile;
}

/** What the evaluator asks of the project: module resolution and production's environment. */
export interface EvaluationHost {
  environment: Map<string, EnvironmentValue> | null;
  /** Variables production sets from a source that cannot be read (value unknown): variable -> origin. */
  unknownVariables: Map<string, string>;
  /** `from <dots><dotted> import …` seen in `fromPath`; null when it is not a settings module of the project. */
  resolve(fromPath: string, level: number, dotted: string): ModuleSource | null;
  /** The namespace of an imported module, or 'cycle' when it is being evaluated already. */
  namespaceOf(module: ModuleSource): ModuleNamespace | 'cycle';
  /**
   * Why production cannot import `from <dots><dotted>` although the code may: 'absent' when the
   * repository has no such module (and would show it if it had), 'ignored' when git ignores it
   * (a developer's file, not deployed); null when it is there, or when that cannot be told.
   */
  missingModule?(fromPath: string, level: number, dotted: string): MissingFile | null;
  /** The same for a file path (`os.path.exists(...)`): 'present', or why production lacks it; null when it cannot be told. */
  fileState?(path: string): MissingFile | { state: 'present'; file: string } | null;
  /** decouple's repository file found walking up from `directory` (within the project); null when there is none. */
  repositoryFile?(directory: string): RepositoryFile | null;
}

/** A file the repository lacks, or has but does not deploy. `file`: its path for messages (relative to the project). */
export interface MissingFile {
  state: 'absent' | 'ignored';
  file: string;
}

/** An import (or a file test guarding one) that production skips: every value it could change says so. */
export interface OptionalModule extends MissingFile {
  /** The statement that would have loaded it. */
  at: Location;
}

/** What a statement asked the host about files, and the answer (a JSON text), so that a replay asks again. */
export type HostQuestion = { kind: 'module'; level: number; dotted: string } | { kind: 'file'; path: string } | { kind: 'repository'; directory: string };

/**
 * The settings.ini or .env python-decouple finds walking up from a folder (settings.ini first in
 * each folder), and whether production gets it: deployed unless git ignores it (or, in a git
 * repository, does not track it). `values`: decouple's reading of a .env; null for a settings.ini
 * (ConfigParser with interpolation: not read here).
 */
export interface RepositoryFile {
  path: string;
  /** Relative to the project, for messages. */
  file: string;
  deployed: boolean;
  /** The file's text, so that a replay notices a change. */
  text: string;
  values: Map<string, EnvironmentValue> | null;
}

/** `from oscar.defaults import *`: names matching `defines` may be the package's. */
export interface PackageStar {
  module: string;
  defines: RegExp;
  what: string;
  at: Location;
}

export interface TraceNote {
  at: Location;
  note: string;
}

/** A module's names after its top level ran. */
export class ModuleNamespace {
  readonly names = new Map<string, Binding>();
  /** Set when a name never assigned here may still exist (unresolved `import *`, `globals()`); the reason why. */
  tainted: string | null = null;
  /** The module's own `from … import *` statements. */
  readonly starImports: Location[] = [];
  /** `os.environ["K"] = …` at top level, imported modules' included: later reads of K are the settings' own value, not production's. */
  readonly envWrites: { variable: string; at: Location }[] = [];
  /** Star imports of installed packages' defaults (settings/package-defaults.ts): the names they may set, unknown unless assigned after. */
  readonly packageStars: PackageStar[] = [];
  /** Every environment read, imported modules' included. */
  readonly envReads: EnvRead[] = [];
  /** Dotted names of the functions called at top level (`sentry_sdk.init`). */
  readonly calls: { name: string; at: Location }[] = [];
  /** Where values became unknown, for the trace output. */
  readonly trace: TraceNote[] = [];
  /** Files whose code this namespace depends on (its own first). */
  readonly files: string[] = [];
  /** The namespaces of the settings modules imported, directly or not, by path: where an imported helper's free names resolve. */
  readonly imported = new Map<string, ModuleNamespace>();
  /** Optional imports production skips (`try: from .local_settings import *` / `except ImportError`), imported modules' included. */
  readonly optionalModules: OptionalModule[] = [];

  constructor(readonly module: ModuleSource) {
    this.files.push(module.path);
  }
}
