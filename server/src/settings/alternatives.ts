/**
 * Values of several paths: a setting assigned under a condition the evaluator cannot decide, a
 * helper whose branches return different things. Such a value is `unknown` with `alternatives`
 * (one value per path), so code that does not look at them stays silent, as on any unknown; a
 * rule that does asks whether its condition holds on every alternative.
 */
import { containsUnknown, pythonEquals, truthy, unknown } from './value';
import type { Location, Value } from './value';

/** Paths followed before the alternatives are summarised (lists) or given up (anything else). */
export const MAX_ALTERNATIVES = 16;

/** The values a value may be, one per path; null when it is not a value of several paths. */
export function alternativesOf(value: Value): Value[] | null {
  return value.kind === 'unknown' && value.alternatives ? value.alternatives : null;
}

/** Two values the evaluator knows fully and that are equal (for merging paths). */
export function sameKnown(a: Value, b: Value): boolean {
  if (containsUnknown(a) || containsUnknown(b)) return false;
  return a.kind === b.kind && pythonEquals(a, b) === true;
}

/**
 * The value that is one of `values`, one per path: the value itself when every path gives the
 * same known value. Alternatives of alternatives are flattened; plain unknowns merge into one.
 */
export function oneOf(values: Value[], reason: string, at: Location | null = null): Value {
  const flat: Value[] = [];
  let plainUnknown = false;
  for (const value of values) {
    for (const item of alternativesOf(value) ?? [value]) {
      if (item.kind === 'unknown') {
        if (plainUnknown) continue;
        plainUnknown = true;
      } else if (flat.some((seen) => sameKnown(seen, item))) continue;
      flat.push(item);
    }
  }
  if (flat.length === 1) return flat[0];
  if (flat.length === 0) return unknown(reason, at);
  if (flat.length > MAX_ALTERNATIVES) return summarised(flat, reason, at);
  return { kind: 'unknown', reason, at, alternatives: flat };
}

/**
 * Too many paths: lists keep what every path has and what some path may have (as alternatives
 * of two lists, the members all share and all of them), enough for a membership test.
 */
function summarised(values: Value[], reason: string, at: Location | null): Value {
  const lists = values.every((value) => value.kind === 'list' || value.kind === 'tuple');
  if (!lists) return unknown(`${reason} (more than ${MAX_ALTERNATIVES} paths)`, at);
  const itemsOf = (value: Value): Value[] => (value.kind === 'list' || value.kind === 'tuple' ? value.items : []);
  const all: Value[] = [];
  for (const value of values) for (const item of itemsOf(value)) if (!all.some((seen) => sameKnown(seen, item))) all.push(item);
  const shared = all.filter((item) => values.every((value) => itemsOf(value).some((other) => sameKnown(other, item))));
  return { kind: 'unknown', reason: `${reason} (more than ${MAX_ALTERNATIVES} paths: members summarised)`, at, alternatives: [{ kind: 'list', items: shared, at }, { kind: 'list', items: all, at }] };
}

/** What a test says on every path: its answer when all paths agree, else null. */
export function onEveryPath<T>(value: Value, test: (value: Value) => T | null): T | null {
  const alternatives = alternativesOf(value);
  if (!alternatives) return test(value);
  let answer: T | null = null;
  for (const alternative of alternatives) {
    const result = test(alternative);
    if (result === null) return null;
    if (answer !== null && result !== answer) return null;
    answer = result;
  }
  return answer;
}

/** Python truthiness decided on every path; null when it cannot be told or the paths disagree. */
export function decide(value: Value): boolean | null {
  return onEveryPath(value, truthy);
}

/**
 * An operation applied on each combination of its operands' alternatives; null when no operand
 * has alternatives (the caller computes it directly).
 */
export function lifted(operands: Value[], apply: (operands: Value[]) => Value, reason: string, at: Location | null): Value | null {
  if (!operands.some((operand) => alternativesOf(operand))) return null;
  let combinations: Value[][] = [[]];
  for (const operand of operands) {
    const options = alternativesOf(operand) ?? [operand];
    const next: Value[][] = [];
    for (const combination of combinations) for (const option of options) next.push([...combination, option]);
    if (next.length > MAX_ALTERNATIVES * 4) return unknown(`${reason} (too many paths to follow)`, at);
    combinations = next;
  }
  return oneOf(combinations.map(apply), reason, at);
}

/** The value without its alternatives: an unknown carried into an operation that does not follow paths. */
export function withoutAlternatives(value: Value, at: Location | null): Value {
  if (value.kind !== 'unknown') return { ...value, at };
  const { alternatives: _dropped, ...rest } = value;
  return { ...rest, at };
}
