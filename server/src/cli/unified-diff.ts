/**
 * A unified diff (the `diff -u` / `git diff` layout) of one file's text before and after, for
 * `preflight --fix-dry-run`. Lines are compared with their line endings, so a CRLF change shows.
 */

const CONTEXT_LINES = 3;

/** Lines with their terminators; the last one may have none. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

type Operation = { kind: ' ' | '-' | '+'; line: string };

/** Myers' O((N+M)·D) shortest edit script between two line lists; fixes change few lines, so D is small. */
function editScript(before: string[], after: string[]): Operation[] {
  // The common head and tail need no search.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  // Walk the trace back from the end to recover the path.
  const middle: Operation[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && previous[offset + k - 1] < previous[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      y--;
      middle.push({ kind: ' ', line: a[--x] });
    }
    if (down) middle.push({ kind: '+', line: b[--y] });
    else middle.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    y--;
    middle.push({ kind: ' ', line: a[--x] });
  }
  middle.reverse();
  return [
    ...before.slice(0, head).map((line): Operation => ({ kind: ' ', line })),
    ...middle,
    ...before.slice(before.length - tail).map((line): Operation => ({ kind: ' ', line })),
  ];
}

function printed(operation: Operation): string {
  const text = operation.line.endsWith('\n') ? operation.line.slice(0, -1) : operation.line;
  return `${operation.kind}${text}\n${operation.line.endsWith('\n') ? '' : '\\ No newline at end of file\n'}`;
}

/** `--- a/name` / `+++ b/name` and the hunks; empty when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const operations = editScript(splitLines(before), splitLines(after));
  const changed = operations.map((operation, index) => (operation.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  let output = `--- a/${name}\n+++ b/${name}\n`;
  let next = 0;
  while (next < changed.length) {
    // A hunk runs from a change to the last change within twice the context of the one before it.
    let last = next;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * CONTEXT_LINES) last++;
    const start = Math.max(0, changed[next] - CONTEXT_LINES);
    const end = Math.min(operations.length, changed[last] + CONTEXT_LINES + 1);
    let oldLine = 1;
    let newLine = 1;
    for (const operation of operations.slice(0, start)) {
      if (operation.kind !== '+') oldLine++;
      if (operation.kind !== '-') newLine++;
    }
    const hunk = operations.slice(start, end);
    const oldCount = hunk.filter((operation) => operation.kind !== '+').length;
    const newCount = hunk.filter((operation) => operation.kind !== '-').length;
    // diff -u writes the line before an empty range (0 for an empty file).
    const range = (line: number, count: number) => `${count === 0 ? line - 1 : line}${count === 1 ? '' : `,${count}`}`;
    output += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${hunk.map(printed).join('')}`;
    next = last + 1;
  }
  return output;
}
