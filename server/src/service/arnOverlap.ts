/** Whether an ARN pattern of a policy (with `*`, `?` and policy variables) can name a resource of a
 * catalogue ARN template (with `${Placeholder}` parts): the two patterns overlap when some string
 * matches both. Every doubt resolves towards "they overlap", so a caller that reports a mismatch
 * never reports one that could be wrong. */

/** A pattern as codes: a lower-cased character code, or one of these. */
const ONE = -1; // `?`: any one character
const ANY = -2; // `*`, a policy variable, a free placeholder: any run of characters
const FIELD = -3; // `${Partition}`, `${Region}`, `${Account}`: a run within one ARN field
const BUCKET = -4; // `${BucketName}`: a run without `:` or `/`
const COLON = 58;
const SLASH = 47;

const isRun = (code: number) => code <= ANY;

/** What a template placeholder can stand for. Partition, region and account are single ARN fields;
 * S3 bucket names contain no `/`. Every other placeholder may be anything. */
function placeholderCode(name: string): number {
  if (name === 'Partition' || name === 'Region' || name === 'Account') return FIELD;
  return name === 'BucketName' ? BUCKET : ANY;
}

export interface ArnPattern {
  text: string;
  /** The service field when it is plain text: patterns of different services never overlap. */
  service?: string;
  codes: number[];
}

function serviceField(text: string): string | undefined {
  const start = text.indexOf(':', text.indexOf(':') + 1) + 1;
  const end = text.indexOf(':', start);
  if (start === 0 || end < 0) return undefined;
  const service = text.slice(start, end);
  return /[*?$]/.test(service) ? undefined : service.toLowerCase();
}

function compile(text: string, template: boolean): ArnPattern {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const close = c === '$' && text[i + 1] === '{' ? text.indexOf('}', i) : -1;
    if (close > 0) {
      codes.push(template ? placeholderCode(text.slice(i + 2, close)) : ANY);
      i = close;
    } else if (c === '*') codes.push(ANY);
    else if (c === '?') codes.push(ONE);
    else codes.push(c.toLowerCase().charCodeAt(0));
  }
  return { text, service: serviceField(text), codes };
}

/** A policy's ARN pattern: `*` and `?` are wildcards, `${aws:username}` and other variables any text. */
export function resourcePattern(text: string): ArnPattern {
  return compile(text, false);
}

const templateCache = new Map<string, ArnPattern[]>();

/** The forms of a catalogue ARN template (a few list two forms separated by ", "). */
export function templatePatterns(template: string): ArnPattern[] {
  let forms = templateCache.get(template);
  if (!forms) {
    forms = template.split(', ').map((form) => compile(form, true));
    templateCache.set(template, forms);
  }
  return forms;
}

function compatible(x: number, y: number): boolean {
  if (x >= 0 && y >= 0) return x === y;
  const [char, run] = x >= 0 ? [x, y] : [y, x];
  if (char < 0) return true;
  if (run === FIELD) return char !== COLON;
  if (run === BUCKET) return char !== COLON && char !== SLASH;
  return true;
}

/** The comparison in progress: the two code arrays, the part of them still to compare, and a memo of
 * the pairs of positions already decided (0 unknown, 1 no, 2 yes). Module-level so the recursion
 * allocates nothing. */
let xs: number[] = [];
let ys: number[] = [];
let i0 = 0;
let j0 = 0;
let n = 0;
let m = 0;
let memo = new Uint8Array(4096);

/** Whether xs[i..n) and ys[j..m) can match a common string. */
function solve(i: number, j: number): boolean {
  const cell = (i - i0) * (m - j0 + 1) + (j - j0);
  if (memo[cell]) return memo[cell] === 2;
  memo[cell] = 1;
  const x = i < n ? xs[i] : undefined;
  const y = j < m ? ys[j] : undefined;
  let ok = x === undefined && y === undefined;
  if (!ok && x !== undefined && isRun(x)) ok = solve(i + 1, j);
  if (!ok && y !== undefined && isRun(y)) ok = solve(i, j + 1);
  // Both runs taking a character leads back to this pair: the two skips above cover it.
  if (!ok && x !== undefined && y !== undefined && !(isRun(x) && isRun(y)) && compatible(x, y)) {
    ok = solve(isRun(x) ? i : i + 1, isRun(y) ? j : j + 1);
  }
  memo[cell] = ok ? 2 : 1;
  return ok;
}

/** Whether some string matches both patterns (compared case-insensitively). */
export function overlaps(a: ArnPattern, b: ArnPattern): boolean {
  if (a.service && b.service && a.service !== b.service) return false;
  // Longer than any ARN (2,048 characters): not worth the recursion depth, and "overlap" is the safe answer.
  if (a.codes.length + b.codes.length > 4096) return true;
  xs = a.codes;
  ys = b.codes;
  // Equal or clashing literal characters at either end settle most comparisons without the memo.
  i0 = 0;
  j0 = 0;
  while (i0 < xs.length && j0 < ys.length && xs[i0] >= 0 && ys[j0] >= 0) {
    if (xs[i0] !== ys[j0]) return false;
    i0++;
    j0++;
  }
  n = xs.length;
  m = ys.length;
  while (n > i0 && m > j0 && xs[n - 1] >= 0 && ys[m - 1] >= 0) {
    if (xs[n - 1] !== ys[m - 1]) return false;
    n--;
    m--;
  }
  const cells = (n - i0 + 1) * (m - j0 + 1);
  if (cells > memo.length) memo = new Uint8Array(cells * 2);
  else memo.fill(0, 0, cells);
  return solve(i0, j0);
}
