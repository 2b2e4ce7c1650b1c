/** Whether an ARN pattern of a policy (with `*`, `?` and policy variables) can name a resource of a
 * catalogue ARN template (with `${Placeholder}` parts): the two patterns overlap when some string
 * matches both. Every doubt resolves towards "they overlap", so a caller that reports a mismatch
 * never reports one that could be wrong. */
import { COLON, DOLLAR, OPEN_BRACE, QUESTION, SLASH, STAR } from './charCodes';
import { escapeRegExp, remembered } from './text';

/** A pattern as codes: a lower-cased character code, or one of these. */
const ONE = -1; // `?`: any one character
const ANY = -2; // `*`, a policy variable, a free placeholder: any run of characters
const FIELD = -3; // `${Partition}`, `${Region}`, `${Account}`: a run within one ARN field
const BUCKET = -4; // `${BucketName}`: a run without `:` or `/`

const isRun = (code: number) => code <= ANY;

/** What a template placeholder can stand for. Partition, region and account are single ARN fields;
 * S3 bucket names contain no `/`. Every other placeholder may be anything. */
function placeholderCode(name: string): number {
  if (name === 'Partition' || name === 'Region' || name === 'Account') return FIELD;
  return name === 'BucketName' ? BUCKET : ANY;
}

export interface ArnPattern {
  text: string;
  /** A catalogue template (`${Placeholder}` parts) rather than a policy's pattern (`*`, `?`, variables). */
  template: boolean;
  /** The service field when it is plain text: patterns of different services never overlap. */
  service?: string;
  /** A template's regular expression, or a policy pattern's lower-cased text when it has no wildcard:
   * a plain ARN overlaps a template exactly when the template's expression matches it. */
  matcher?: RegExp;
  plain?: string;
  /** The pattern as codes, made on first need (a plain ARN compared with a template's expression never needs them). */
  encoded?: Encoded;
}

interface Encoded {
  codes: number[];
  /** The codes of the six ARN fields (arn, partition, service, region, account, resource) when nothing
   * in the first five can stand for a colon: two such patterns overlap exactly when each pair of fields
   * does, which is far cheaper than comparing them whole. */
  fields?: number[][];
}

const HEAD_FIELDS = 5;
/** Longer plain ARNs (real ones are far shorter) are compared by codes, which bound the work. */
const PLAIN_MAX = 512;

/** Splits `codes` at its first five colons, unless a wildcard before the fifth could match a colon. */
function splitFields(codes: number[]): number[][] | undefined {
  const fields: number[][] = [];
  let start = 0;
  for (let k = 0; k < codes.length && fields.length < HEAD_FIELDS; k++) {
    const c = codes[k];
    if (c === ANY || c === ONE) return undefined;
    if (c === COLON) {
      fields.push(codes.slice(start, k));
      start = k + 1;
    }
  }
  if (fields.length < HEAD_FIELDS) return undefined;
  fields.push(codes.slice(start));
  return fields;
}

function serviceField(text: string): string | undefined {
  const start = text.indexOf(':', text.indexOf(':') + 1) + 1;
  const end = text.indexOf(':', start);
  if (start === 0 || end < 0) return undefined;
  const service = text.slice(start, end);
  return /[*?$]/.test(service) ? undefined : service.toLowerCase();
}

/** The expression of template codes: each placeholder a run of the characters it may stand for. Only
 * for templates with at most two free runs: with more, a failing match backtracks through every way
 * of splitting a long ARN among them, where the comparison of codes stays bounded. */
function templateMatcher(codes: number[]): RegExp | undefined {
  if (codes.filter((c) => c === ANY).length > 2) return undefined;
  let source = '';
  let literal = '';
  for (const c of codes) {
    if (c >= 0) {
      literal += String.fromCharCode(c);
      continue;
    }
    source += escapeRegExp(literal) + (c === ANY ? '[^]*' : c === FIELD ? '[^:]*' : c === BUCKET ? '[^:/]*' : '[^]');
    literal = '';
  }
  return new RegExp(`^${source}${escapeRegExp(literal)}$`);
}

function encode(text: string, template: boolean): Encoded {
  const codes: number[] = [];
  // Lower-cased at once unless that changes the length (a few non-ASCII letters): then letter by letter.
  const whole = text.toLowerCase();
  const lower = whole.length === text.length ? (i: number) => whole.charCodeAt(i) : (i: number) => text[i].toLowerCase().charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const close = c === DOLLAR && text.charCodeAt(i + 1) === OPEN_BRACE ? text.indexOf('}', i) : -1;
    if (close > 0) {
      codes.push(template ? placeholderCode(text.slice(i + 2, close)) : ANY);
      i = close;
    } else if (c === STAR) codes.push(ANY);
    else if (c === QUESTION) codes.push(ONE);
    else codes.push(lower(i));
  }
  return { codes, fields: splitFields(codes) };
}

function encoding(pattern: ArnPattern): Encoded {
  return (pattern.encoded ??= encode(pattern.text, pattern.template));
}

const WILDCARD_OR_VARIABLE = /[*?]|\$\{/;

/** Recent policy patterns by text, as parseArn keeps its parses: a check of a large policy made some
 * 2,000 of them with their codes, over a megabyte, at every check of the same text. Shared, so read-only
 * but for the codes each makes once. With its codes a pattern takes about 2 KB: the memo keeps the
 * resources of a policy of a few thousand statements, and 4 MB at most. */
const policyPatterns = new Map<string, ArnPattern>();
const POLICY_PATTERNS_KEPT = 2048;

/** A policy's ARN pattern: `*` and `?` are wildcards, `${aws:username}` and other variables any text. */
export function resourcePattern(text: string): ArnPattern {
  return remembered(policyPatterns, POLICY_PATTERNS_KEPT, text, patternOf);
}

function patternOf(text: string): ArnPattern {
  const pattern: ArnPattern = { text, template: false, service: serviceField(text) };
  if (text.length <= PLAIN_MAX && !WILDCARD_OR_VARIABLE.test(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) pattern.plain = lower;
  }
  return pattern;
}

const templateCache = new Map<string, ArnPattern[]>();

/** The forms of a catalogue ARN template (a few list two forms separated by ", "). */
export function templatePatterns(template: string): ArnPattern[] {
  let forms = templateCache.get(template);
  if (!forms) {
    forms = template.split(', ').map((text) => {
      const encoded = encode(text, true);
      return { text, template: true, service: serviceField(text), encoded, matcher: templateMatcher(encoded.codes) };
    });
    templateCache.set(template, forms);
  }
  return forms;
}

function compatible(x: number, y: number): boolean {
  if (x >= 0 && y >= 0) return x === y;
  // Not destructured from a pair: the comparison runs for every cell and would allocate one each time.
  const char = x >= 0 ? x : y;
  const run = x >= 0 ? y : x;
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
  if (a.matcher && b.plain !== undefined) return a.matcher.test(b.plain);
  if (b.matcher && a.plain !== undefined) return b.matcher.test(a.plain);
  const x = encoding(a);
  const y = encoding(b);
  if (x.fields && y.fields) {
    // The resource field first: it tells most patterns apart.
    for (let k = HEAD_FIELDS; k >= 0; k--) if (!fieldsOverlap(x.fields[k], y.fields[k])) return false;
    return true;
  }
  return codesOverlap(x.codes, y.codes);
}

/** Longer than any two ARNs (2,048 characters each): not worth the work, and "overlap" is the safe answer. */
const LONGEST_COMPARED = 4096;

function fieldsOverlap(a: number[], b: number[]): boolean {
  if (a.length + b.length > LONGEST_COMPARED) return true;
  if (isLiteral(a) && hasOnlyAnyRuns(b)) return globMatches(b, a);
  if (isLiteral(b) && hasOnlyAnyRuns(a)) return globMatches(a, b);
  return codesOverlap(a, b);
}

const isLiteral = (codes: number[]) => codes.every((c) => c >= 0);
const hasOnlyAnyRuns = (codes: number[]) => codes.every((c) => c >= 0 || c === ANY);

/** Whether literal codes match a pattern of literals and ANY runs: the usual wildcard match, greedy and
 * going back to the last run on a mismatch. Linear in practice, where the table of codesOverlap is
 * filled cell by cell (a plain ARN against a template with three or more placeholders). */
function globMatches(pattern: number[], literal: number[]): boolean {
  let p = 0;
  let t = 0;
  let lastRun = -1;
  let resumeAt = 0;
  while (t < literal.length) {
    if (p < pattern.length && pattern[p] === literal[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === ANY) {
      lastRun = p++;
      resumeAt = t;
    } else if (lastRun >= 0) {
      // The last run takes one more character, and the rest of the pattern starts again after it.
      p = lastRun + 1;
      t = ++resumeAt;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === ANY) p++;
  return p === pattern.length;
}

/** The reference comparison, the two patterns whole, character by character, with none of the
 * shortcuts of `overlaps` (which must agree with it). */
export function overlapsWhole(a: ArnPattern, b: ArnPattern): boolean {
  return codesOverlap(encoding(a).codes, encoding(b).codes);
}

function allRuns(codes: number[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isRun(codes[k])) return false;
  return true;
}

/** Whether the characters of codes[from..to) may all stand in `run` (its wildcards can pick any that do). */
function allowsAll(run: number, codes: number[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!compatible(run, codes[k])) return false;
  return true;
}

/** Whether some string matches both code arrays. */
function codesOverlap(a: number[], b: number[]): boolean {
  if (a.length + b.length > LONGEST_COMPARED) return true;
  xs = a;
  ys = b;
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
  // One side used up: the rest of the other must be runs, which may stand for nothing.
  if (i0 === n) return allRuns(ys, j0, m);
  if (j0 === m) return allRuns(xs, i0, n);
  // One side down to a single run (a placeholder, `*`): it takes the other side if it allows its characters.
  if (n - i0 === 1 && isRun(xs[i0])) return allowsAll(xs[i0], ys, j0, m);
  if (m - j0 === 1 && isRun(ys[j0])) return allowsAll(ys[j0], xs, i0, n);
  const cells = (n - i0 + 1) * (m - j0 + 1);
  if (cells > memo.length) memo = new Uint8Array(cells * 2);
  else memo.fill(0, 0, cells);
  return solve(i0, j0);
}
