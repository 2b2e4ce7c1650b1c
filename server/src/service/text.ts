/** Small text helpers shared by the policy and SQL analysers. */

/** The closest candidate to `word` (case-insensitive), if close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The edit distance of two strings when it is at most `limit`, or a larger number as soon as a row of
 * the table shows that it cannot be: a typo is looked up among hundreds of a service's actions, and
 * most of them differ from it within their first letters. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const row: number[] = [];
  for (let j = 0; j <= b.length; j++) row.push(j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
      if (row[j] < smallest) smallest = row[j];
    }
    // Every path to the last cell passes through this row, and no step lowers a distance.
    if (smallest > limit) return limit + 1;
  }
  return row[b.length];
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Converts a simple glob (`**`, `*`, `?`) into a regular expression over `/`-separated paths: over a
 * whole path relative to the folder the glob starts from (`legacy/**` holds at its top only), or, for a
 * path outside any such folder, over any end of it. */
export function globToRegExp(glob: string, relative = false): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(relative ? `^${re}$` : `(?:^|/)${re}$`);
}

/** A count with thousands separators, as `toLocaleString('en-US')` writes it, without the cost of ICU
 * number formatting. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Whether two words are equal but for case; words of different lengths are told apart without
 * copying either (rules compare every role ARN with a keyword). */
export function sameWord(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/** A copy of `text` that keeps nothing else alive. V8 makes a slice of a long string a view into it, so a
 * value cut from a document and kept in a cache that outlives the document would keep the whole text of
 * that version of it. Every long-lived cache keyed by document text stores its keys through this. */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

/** `compute(text)`, remembered by text in `memo`, which keeps at most `kept` entries, the oldest out first.
 * The key is a copy of `text`, and `compute` is given that copy, so that neither the key nor what is made
 * of it keeps the caller's document alive. The values are shared: callers treat them as read-only. */
export function remembered<T>(memo: Map<string, T>, kept: number, text: string, compute: (key: string) => T): T {
  const known = memo.get(text);
  if (known !== undefined || memo.has(text)) return known as T;
  const key = detached(text);
  const value = compute(key);
  if (memo.size >= kept) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

/** How many characters are compared at once when looking for where two texts differ. */
const COMPARED_AT_ONCE = 4096;

/** How long a start two texts share: how much of a newer text an older parse still describes. */
export function commonPrefixLength(a: string, b: string): number {
  if (a === b) return a.length;
  const max = Math.min(a.length, b.length);
  let n = 0;
  // Slices compared with === (a memory comparison) a block at a time; then the block that differs.
  while (n + COMPARED_AT_ONCE <= max && a.slice(n, n + COMPARED_AT_ONCE) === b.slice(n, n + COMPARED_AT_ONCE)) n += COMPARED_AT_ONCE;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How long an end two texts share, at most `max`. */
export function commonSuffixLength(a: string, b: string, max: number): number {
  let n = 0;
  while (n + COMPARED_AT_ONCE <= max && a.slice(a.length - n - COMPARED_AT_ONCE, a.length - n) === b.slice(b.length - n - COMPARED_AT_ONCE, b.length - n)) n += COMPARED_AT_ONCE;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** The index of the last of the ascending `offsets` that is at most `offset` (-1 if none is). */
export function lastAtOrBefore(offsets: number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
