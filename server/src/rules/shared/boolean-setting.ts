import { environBool, environInt, isEnvironReference } from '../../parse/django-environ';
import type { EnvEntry, EnvFile } from '../../parse/env';
import { readSettingEntries, replaceValueFix } from './env-settings';
import type { RuleContext } from '../rule';

/** A boolean Django setting that production wants True, and what it costs when it is not. */
export interface TrueSetting {
  /** The Django setting name: `SECURE_SSL_REDIRECT`. */
  setting: string;
  /** What the setting turns on, as in "turns <feature> off": `the HTTPS redirect`. */
  feature: string;
  /** One sentence on what happens in production without it. */
  consequence: string;
  /** Whether `True` may be applied by fix-all. */
  safe: boolean;
  /** Said after "Set KEY=True" in the fix title, e.g. why it is not safe. */
  fixNote?: string;
}

/**
 * Reports each variable carrying the setting whose value env.bool reads as false. An absent
 * variable says nothing: Django's default or the settings module decides then.
 */
export function reportSettingNotTrue(env: EnvFile, { file, project, report }: RuleContext, setting: TrueSetting): void {
  for (const entry of readSettingEntries(env, setting.setting, { file, project })) {
    if (isEnvironReference(entry.value) || environBool(entry.value)) continue;
    const note = setting.fixNote ? ` (${setting.fixNote})` : '';
    report({
      range: entry.valueRange,
      message: `${whyFalse(entry)} turns ${setting.feature} off: ${setting.consequence}`,
      fixes: [replaceValueFix(file, entry, 'True', `Set ${entry.key}=True${note}`, setting.safe)],
    });
  }
}


const FALSE_WORDS = new Set(['false', 'off', 'no', 'n', 'f']);

/** The subject of the message: plain for an obvious false, explained for a value meant as true. */
function whyFalse(entry: EnvEntry): string {
  if (entry.value === '') return `${entry.key} is empty, which env.bool reads as False, and`;
  const obviouslyFalse = FALSE_WORDS.has(entry.value.trim().toLowerCase()) || environInt(entry.value) === 0;
  if (obviouslyFalse) return `${entry.key}=${entry.value}`;
  return `${entry.key}=${entry.value} is not one of env.bool's true values (true, on, ok, y, yes, 1) and`;
}
