/** Splits Redshift SQL into statements and finds, in each statement that carries an IAM role or
 * credentials, its kind and its authorization and resource clauses, with document offsets. Statements
 * inside stored-procedure bodies and literal `EXECUTE '…'` strings are found too. */
import { CLOSE_PAREN, COMMA, LOWER_A, LOWER_Z, OPEN_PAREN, SEMICOLON } from '../charCodes';
import { credentialPairs, type CredentialPair } from './credentials';
import { hasTemplate, lex, unescapeString, type LexProblem, type LexResult, type Token, type TokenList } from './lexer';
import { roleValues, type RoleValue } from './roles';
import { finish, type Steps } from '../steps';
import { commonPrefixLength, commonSuffixLength, lastAtOrBefore } from '../text';
import { KINDS, type StatementKind } from './syntax';

export type { StatementKind } from './syntax';

export interface Span { start: number; end: number }

export interface SqlValue extends Span {
  /** The value as written between its quotes (the token itself for a word or template). */
  text: string;
  /** The value Redshift sees: escapes resolved. */
  value: string;
  /** Document offset of `text[0]`; `offset + i` is where `text[i]` is. */
  offset: number;
  kind: 'string' | 'dollarString' | 'typographicString' | 'word' | 'template' | 'number' | 'quotedIdent';
  /** A template, or a string with templating inside: not what Redshift will see. */
  templated: boolean;
  /** The closing quote is missing. */
  unterminated: boolean;
}

export interface Clause extends Span {
  /** Canonical upper-case name: IAM_ROLE, CATALOG_ROLE, CREDENTIALS, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
   * SESSION_TOKEN, MASTER_SYMMETRIC_KEY, KMS_KEY_ID, ENCRYPTED, MANIFEST, CLEANPATH, ALLOWOVERWRITE, SSH,
   * REGION, FROM, TO, JSONPATHS, LAMBDA, SAGEMAKER, FUNCTION, SECRET_ARN, ON (GRANT ASSUMEROLE), FOR, … */
  name: string;
  /** The keyword(s) as written, such as `WITH CREDENTIALS AS`. */
  keyword: Span;
  value?: SqlValue;
  /** A following word that qualifies the clause, upper-case: AUTO (ENCRYPTED), VERBOSE (MANIFEST), or the
   * comma-separated commands of GRANT ASSUMEROLE … FOR. */
  modifier?: string;
  /** CREDENTIALS: the key=value pairs of its string. */
  pairs?: CredentialPair[];
}

export interface SqlStatement extends Span {
  kind: StatementKind;
  label: string;
  /** Where the statement's reach ends: its `;`, else the next statement or the end of its text. */
  stop: number;
  /** The keywords that name the statement. */
  head: Span;
  /** Tokens without comments, in document offsets, `;` excluded. */
  tokens: Token[];
  clauses: Clause[];
  /** The literal role chains of IAM_ROLE, CATALOG_ROLE, ASSUMEROLE ON and `aws_iam_role=` in CREDENTIALS. */
  roles: RoleValue[];
  /** Templating outside strings: clauses may come from the template. */
  templated: boolean;
  /** Inside a stored-procedure body or an `EXECUTE '…'` string. */
  embedded: boolean;
  /** COPY: S3, DYNAMODB, EMR or SSH; CREATE EXTERNAL SCHEMA: DATA CATALOG, HIVE METASTORE, POSTGRES, …;
   * CREATE DATABASE: INTEGRATION, ARN or DATASHARE. */
  source?: string;
  /** Writes `value` as a string literal that is valid where this statement stands in the document. */
  literal(value: string): string;
}

export interface SqlModel {
  text: string;
  statements: SqlStatement[];
  problems: LexProblem[];
  /** Comments, in document offsets, in order. */
  comments: Span[];
}

/** The text being analysed (the document, or the unescaped content of a string in it) and how its
 * offsets and literals translate back into the document. */
interface Source {
  text: string;
  embedded: boolean;
  /** Offsets differ from document offsets. */
  mapped: boolean;
  toDoc(offset: number): number;
  /** Escapes text written in this source so it can stand in the document. */
  escape(text: string): string;
}

const DOCUMENT_SOURCE = (text: string): Source => ({ text, embedded: false, mapped: false, toDoc: (o) => o, escape: (t) => t });

function quoteLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The source inside a single-quoted string token (its body from `bodyStart` to `bodyEnd`): '' and
 * backslash escapes resolved, offsets mapped. */
function innerSource(outer: Source, bodyStart: number, bodyEnd: number): Source {
  const raw = outer.text.slice(bodyStart, bodyEnd);
  const map: number[] = [];
  let text = '';
  for (let k = 0; k < raw.length; k++) {
    map.push(outer.toDoc(bodyStart + k));
    const c = raw[k];
    if ((c === "'" && raw[k + 1] === "'") || c === '\\') {
      text += c === '\\' ? unescapeString(raw.slice(k, k + 2)) : "'";
      k++;
    } else text += c;
  }
  map.push(outer.toDoc(bodyEnd));
  return {
    text,
    embedded: true,
    mapped: true,
    toDoc: (o) => map[Math.max(0, Math.min(o, map.length - 1))],
    escape: (t) => outer.escape(t.replace(/\\/g, '\\\\').replace(/'/g, "''")),
  };
}

/** Tokens that can stand where a quoted value belongs (a double-quoted identifier is a mistake that rules report). */
const STRING_KINDS = new Set(['string', 'dollarString', 'typographicString', 'template', 'quotedIdent']);

/** Parses a whole document. */
export function parseSql(text: string): SqlModel {
  return parseStretch(text, 0, Infinity).model;
}

/** Reads the statements of `lexed` (tokens of `text` from `lexFrom` or `lexSteps`) and hands them to
 * `check` a part at a time, a step a part: STATEMENTS_PER_STEP statements with those written inside them,
 * and the problems met meanwhile (the lexer's come with the first part). A part is let go once checked:
 * kept for the whole check, the statements of a long script were copied and promoted by every scavenge
 * that the check met. */
export function* checkParts(text: string, lexed: LexResult, check: (part: SqlModel) => void): Steps<void> {
  const part: SqlModel = { text, statements: [], problems: lexed.problems, comments: [] };
  const adding = addStatements(part, DOCUMENT_SOURCE(text), lexed.tokens, text.length, false);
  for (;;) {
    const done = adding.next().done;
    check({ ...part });
    if (done) return;
    part.statements = [];
    part.problems = [];
    part.comments = [];
    yield;
  }
}

/** Forgets the statement boundaries known of `text` (its document was closed). */
export function forgetBoundaries(text: string): void {
  known = known.filter((b) => b.text !== text);
}

/** Takes `boundaries` (found by a check) as what is known of their text, in place of those of the text it
 * was edited from. */
export function learnBoundaries(boundaries: Boundaries): void {
  // Mostly completion has asked about this very text already: no need to measure what it shares.
  const same = known.findIndex((b) => b.text === boundaries.text);
  remember(boundaries, same >= 0 ? same : editedFrom(boundaries.text)?.index ?? -1);
}

/** Statement boundaries of a text: the offsets right after its top-level `;`s, in order, and for each how
 * far the lexer had read when it met it (see `LexResult`). Never changed once made: checks keep them. */
export interface Boundaries { text: string; offsets: number[]; reaches: number[] }

/** How many texts' boundaries are kept: those of a few scripts open side by side, so that going back to
 * one does not lex it again. */
const TEXTS_KNOWN = 4;

/** The boundaries known of the latest texts, the most recently used first: each those of its text's last
 * full check, carried over the edits made since, and completed by the stretches parsed since. */
let known: Boundaries[] = [];

/** Keeps `boundaries` first among the known, in place of the ones at `replacing` (if not -1). */
function remember(boundaries: Boundaries, replacing: number): Boundaries {
  known = [boundaries, ...known.filter((_, k) => k !== replacing)].slice(0, TEXTS_KNOWN);
  return boundaries;
}

/** How much two texts share at their start, and after that at their end: where an edit made one of the other. */
interface SharedEnds { prefix: number; suffix: number }

function sharedEnds(a: string, b: string): SharedEnds {
  const prefix = commonPrefixLength(a, b);
  return { prefix, suffix: commonSuffixLength(a, b, Math.min(a.length, b.length) - prefix) };
}

/** Which known boundaries `text` is an edit of, and what the two texts share: those sharing the most of
 * it, if that is at least half of the longer text (another script shares little of it). */
function editedFrom(text: string): { index: number; ends: SharedEnds } | undefined {
  let found: { index: number; ends: SharedEnds } | undefined;
  known.forEach((b, index) => {
    const ends = sharedEnds(b.text, text);
    const shared = ends.prefix + ends.suffix;
    if (2 * shared >= Math.max(b.text.length, text.length) && (!found || shared > found.ends.prefix + found.ends.suffix)) found = { index, ends };
  });
  return found;
}

/** The model to answer a question at `offset` with (completion, hover, the statement under the cursor).
 * Completion asks after every keystroke, and parsing a long script for each key costs tens of
 * milliseconds; checks keep no model (see `checkParts`). So only a stretch is parsed: from the last known
 * boundary before `offset` to the `;` that ends the statement at `offset`. */
export function modelAround(text: string, offset: number): SqlModel {
  const boundaries = boundariesOf(text);
  const k = lastAtOrBefore(boundaries.offsets, offset);
  const from = k < 0 ? 0 : boundaries.offsets[k];
  const { model, lexed } = parseStretch(text, from, offset);
  // The stretch's boundaries are all there are between its ends.
  const found = readOn(lexed, from, k < 0 ? 0 : boundaries.reaches[k]);
  const past = lastAtOrBefore(boundaries.offsets, found.offsets.at(-1) ?? from) + 1;
  const { offsets, reaches } = boundaries;
  // Mostly they are the ones known already: a script's 10,000 boundaries are not copied at every key.
  const same = past - (k + 1) === found.offsets.length && found.offsets.every((o, n) => o === offsets[k + 1 + n] && found.reaches[n] === reaches[k + 1 + n]);
  if (!same) {
    remember({
      text,
      offsets: [...offsets.slice(0, k + 1), ...found.offsets, ...offsets.slice(past)],
      reaches: [...reaches.slice(0, k + 1), ...found.reaches, ...reaches.slice(past)],
    }, known.indexOf(boundaries));
  }
  return model;
}

/** The statements of `text` from the boundary `from` (or 0) to the first `;` at or after `stopAfter`. */
function parseStretch(text: string, from: number, stopAfter: number): { model: SqlModel; lexed: LexResult } {
  const lexed = lexFrom(text, from, stopAfter);
  const model: SqlModel = { text, statements: [], problems: lexed.problems, comments: [] };
  finish(addStatements(model, DOCUMENT_SOURCE(text), lexed.tokens, text.length, false));
  return { model, lexed };
}

/** `text` lexed from the boundary `from` (or 0) to the first `;` at or after `stopAfter`: from the `;`
 * before `from`, so that the lexer sees what it would see reading the whole text. */
export function lexFrom(text: string, from: number, stopAfter = Infinity, reuse = false): LexResult {
  return lex(text, Math.max(0, from - 1), text.length, stopAfter, reuse);
}

/** The boundaries of a lexing that started at the `;` before `from` (or at 0), past `from`; their reaches
 * include `reach`, how far the lexer had read to come to `from`. */
function readOn(lexed: LexResult, from: number, reach: number): { offsets: number[]; reaches: number[] } {
  const first = lexed.boundaries[0] === from ? 1 : 0;
  return { offsets: lexed.boundaries.slice(first), reaches: lexed.reaches.slice(first).map((r) => Math.max(r, reach)) };
}

/** The boundaries known of `text`: its own, or those of the text it is an edit of carried over the edit. */
export function boundariesOf(text: string): Boundaries {
  const same = known.findIndex((b) => b.text === text);
  if (same >= 0) return remember(known[same], same);
  const earlier = editedFrom(text);
  if (!earlier) return remember(carryOver({ text: '', offsets: [], reaches: [] }, text).boundaries, -1);
  return remember(carryOver(known[earlier.index], text, earlier.ends).boundaries, earlier.index);
}

/** The boundaries of a text carried over from those of an earlier one. The first `kept` are the earlier
 * ones, unmoved; if `resumed` is not -1, the boundaries after the one at `resumed` are the earlier ones
 * after the one at `resumedFrom`, moved by the change in length; those between are new. */
export interface CarriedBoundaries { boundaries: Boundaries; kept: number; resumed: number; resumedFrom: number }

/** The boundaries of `text`, carried over from those of an earlier text `old` (`ends`: what the two share,
 * when the caller has measured it already).
 * - Those the lexer met before it had read as far as the first change hold as they are.
 * - From the last of them, the lexer reads the new text on, to the first `;` after the edit: if the
 *   earlier text had a boundary there too, the lexer reads on from it as it did before, so the boundaries
 *   after it hold, moved by the change in length.
 * - Else (the edit opened a string or a comment, say), the rest is lexed to find where it meets them again. */
export function carryOver(old: Boundaries, text: string, { prefix, suffix }: SharedEnds = sharedEnds(old.text, text)): CarriedBoundaries {
  const shift = text.length - old.text.length;
  const editEnd = text.length - suffix;
  const kept = lastAtOrBefore(old.reaches, prefix) + 1;
  const from = kept ? old.offsets[kept - 1] : 0;
  const reach = kept ? old.reaches[kept - 1] : 0;
  /** The index of the earlier text's boundary that `offset` was, or -1; the text after it must be
   * unchanged (the `;` before it may be new: the lexer reads on after a `;` as after any other). */
  const earlier = (offset: number) => {
    if (offset < editEnd) return -1;
    const e = lastAtOrBefore(old.offsets, offset - shift);
    return e >= 0 && old.offsets[e] === offset - shift ? e : -1;
  };
  // The lexer stops at the first boundary past the edit; unless the earlier text had one there, it reads
  // the rest.
  let found = readOn(lexFrom(text, from, editEnd - 1), from, reach);
  const last = found.offsets.at(-1) ?? -1;
  if (last >= editEnd && earlier(last) < 0) {
    // Read for its boundaries only: its arrays go to the check that lexes the same stretch next.
    const rest = lexFrom(text, from);
    found = readOn(rest, from, reach);
    rest.tokens.release();
  }
  const met = found.offsets.findIndex((b) => earlier(b) >= 0);
  const offsets = old.offsets.slice(0, kept);
  const reaches = old.reaches.slice(0, kept);
  const upTo = met < 0 ? found.offsets.length : met + 1;
  offsets.push(...found.offsets.slice(0, upTo));
  reaches.push(...found.reaches.slice(0, upTo));
  const resumed = met < 0 ? -1 : offsets.length - 1;
  const earlierMet = met < 0 ? -1 : earlier(found.offsets[met]);
  if (met >= 0) {
    const metReach = found.reaches[met];
    for (let e = earlierMet + 1; e < old.offsets.length; e++) {
      offsets.push(old.offsets[e] + shift);
      reaches.push(Math.max(old.reaches[e] + shift, metReach));
    }
  }
  return { boundaries: { text, offsets, reaches }, kept, resumed, resumedFrom: earlierMet };
}

/** Whether `offset` is inside a comment (after its first character, so a cursor right before it is not). */
export function inComment(model: SqlModel, offset: number): boolean {
  return model.comments.some((c) => offset > c.start && offset <= c.end);
}

/** The innermost statement of `model` whose reach (up to its `;`) holds `offset`. */
export function statementIn(model: SqlModel, offset: number): SqlStatement | undefined {
  let best: SqlStatement | undefined;
  for (const s of model.statements) {
    if (offset >= s.start && offset <= s.stop && (!best || s.stop - s.start <= best.stop - best.start)) best = s;
  }
  return best;
}

/** The innermost statement of `text` whose reach holds `offset`. */
export function statementAt(text: string, offset: number): SqlStatement | undefined {
  return statementIn(modelAround(text, offset), offset);
}

/** How many statements `addStatements` adds per step, a part of `checkParts`: read and checked by every
 * rule, well under a millisecond's work once warm. Parts of 100 statements checked the benchmark script
 * faster through the server than parts of 500 (43–44 against 50–51 ms at its opens 21–27), and let a
 * request wait less. */
const STATEMENTS_PER_STEP = 100;

/** Splits the tokens (offsets in `source`) on `;` and adds the statements they make, a step every
 * STATEMENTS_PER_STEP statements. `end` is the source offset where the last statement's reach ends;
 * `inBody` strips PL/pgSQL control words. */
function* addStatements(model: SqlModel, source: Source, tokens: TokenList, end: number, inBody: boolean): Steps<void> {
  let chunk: number[] = [];
  let flushed = 0;
  const flush = (stop: number) => {
    const significant = inBody ? stripControlWords(source, tokens, chunk) : chunk;
    if (significant.length) addStatement(model, source, tokens, significant, stop, inBody);
    chunk = [];
  };
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.isComment(i)) {
      model.comments.push({ start: source.toDoc(tokens.start(i)), end: source.toDoc(tokens.end(i)) });
      continue;
    }
    if (tokens.isOperator(i) && source.text.charCodeAt(tokens.start(i)) === SEMICOLON) {
      flush(tokens.start(i));
      if (++flushed % STATEMENTS_PER_STEP === 0) yield;
    } else chunk.push(i);
  }
  flush(end);
}

const CONTROL_WORDS = new Set(['BEGIN', 'ELSE', 'LOOP', 'THEN', 'EXCEPTION']);

/** Drops the PL/pgSQL words before a statement in a procedure body: BEGIN, ELSE, LOOP, `IF … THEN`. */
function stripControlWords(source: Source, tokens: TokenList, chunk: number[]): number[] {
  let i = 0;
  while (i < chunk.length) {
    const w = wordOf(source, tokens, chunk[i]);
    if (CONTROL_WORDS.has(w)) i++;
    else if (w === 'IF' || w === 'ELSIF' || w === 'WHEN') {
      const then = chunk.findIndex((t, k) => k > i && wordOf(source, tokens, t) === 'THEN');
      if (then < 0) return [];
      i = then + 1;
    } else break;
  }
  return chunk.slice(i);
}

/** Token `i` upper-cased if it is a word that may be a keyword (at most 20 characters, as
 * MASTER_SYMMETRIC_KEY), else ''. */
function wordOf(source: Source, tokens: TokenList, i: number | undefined): string {
  if (i === undefined || !tokens.isWord(i)) return '';
  const start = tokens.start(i);
  const end = tokens.end(i);
  if (end - start > 20) return '';
  const { text } = source;
  // Keywords are mostly written in capitals already: those are not upper-cased again.
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= LOWER_A && c <= LOWER_Z) || c >= 128) return text.slice(start, end).toUpperCase();
  }
  return text.slice(start, end);
}

function toDocToken(source: Source, t: Token): Token {
  if (!source.mapped) return t;
  return { ...t, start: source.toDoc(t.start), end: source.toDoc(t.end), bodyStart: source.toDoc(t.bodyStart), bodyEnd: source.toDoc(t.bodyEnd) };
}

/** The kind of the statement whose first keyword is `words[h]` (`words`: each token upper-cased if it is a word, else ''). */
function kindOf(words: string[], h: number): { kind: StatementKind; headLength: number } {
  const w = (k: number) => words[h + k] ?? '';
  switch (w(0)) {
    case 'COPY': {
      if (w(1) === 'JOB') return { kind: 'other', headLength: 2 };
      const job = words.some((word, k) => k > h && word === 'JOB' && words[k + 1] === 'CREATE');
      return { kind: job ? 'copy-job' : 'copy', headLength: 1 };
    }
    case 'UNLOAD':
      return { kind: 'unload', headLength: 1 };
    case 'CREATE': {
      const k = w(1) === 'OR' && w(2) === 'REPLACE' ? 3 : 1;
      if (w(k) === 'LIBRARY') return { kind: 'create-library', headLength: k + 1 };
      if (w(k) === 'MODEL') return { kind: 'create-model', headLength: k + 1 };
      if (w(k) === 'DATABASE') return { kind: 'create-database', headLength: k + 1 };
      if (w(k) === 'PROCEDURE') return { kind: 'create-procedure', headLength: k + 1 };
      if (w(k) === 'EXTERNAL') {
        const kind = ({ FUNCTION: 'create-external-function', SCHEMA: 'create-external-schema', MODEL: 'create-external-model' } as const)[w(k + 1) as 'FUNCTION'];
        if (kind) return { kind, headLength: k + 2 };
      }
      return { kind: 'other', headLength: 1 };
    }
    case 'ALTER':
      return w(1) === 'EXTERNAL' && w(2) === 'SCHEMA' ? { kind: 'alter-external-schema', headLength: 3 } : { kind: 'other', headLength: 1 };
    case 'GRANT':
    case 'REVOKE':
      if (w(1) === 'ASSUMEROLE') return { kind: w(0) === 'GRANT' ? 'grant-assumerole' : 'revoke-assumerole', headLength: 2 };
      if (words.includes('IAM_ROLE')) return { kind: 'grant-iam-role', headLength: 1 };
      return { kind: 'other', headLength: 1 };
    default:
      return { kind: 'other', headLength: 1 };
  }
}

/** Statements whose kind is settled by their first word: no need to read the others. */
const HEAD_WORDS = new Set(['COPY', 'UNLOAD', 'CREATE', 'ALTER', 'GRANT', 'REVOKE', 'EXECUTE']);

/** A statement of the model. Its tokens are made into objects only when asked for: most statements
 * are read through the token list while parsing and never again. */
class ParsedStatement implements SqlStatement {
  clauses: Clause[] = [];
  roles: RoleValue[] = [];
  source?: string;
  private madeTokens?: Token[];

  constructor(
    public kind: StatementKind,
    public start: number,
    public end: number,
    public stop: number,
    public head: Span,
    public templated: boolean,
    public embedded: boolean,
    private readonly origin: Source,
    private readonly list: TokenList,
    /** The first and last of its tokens in `list`; the comments between them are not its tokens. */
    private readonly first: number,
    private readonly last: number,
  ) {}

  get label(): string {
    return KINDS[this.kind].label;
  }

  get tokens(): Token[] {
    if (!this.madeTokens) {
      this.madeTokens = [];
      for (let i = this.first; i <= this.last; i++) {
        if (this.list.kind(i) !== 'comment') this.madeTokens.push(toDocToken(this.origin, this.list.token(i)));
      }
    }
    return this.madeTokens;
  }

  literal(value: string): string {
    return this.origin.escape(quoteLiteral(value));
  }
}

function addStatement(model: SqlModel, source: Source, tokens: TokenList, indices: number[], sourceStop: number, embedded: boolean): void {
  let h = 0;
  while (h < indices.length && tokens.kind(indices[h]) === 'template') h++;
  const words = h < indices.length && HEAD_WORDS.has(wordOf(source, tokens, indices[h])) ? indices.map((i) => wordOf(source, tokens, i)) : [];
  const { kind, headLength } = words.length ? kindOf(words, h) : { kind: 'other' as const, headLength: h < indices.length ? 1 : 0 };
  const first = indices[0];
  const last = indices[indices.length - 1];
  const headEnd = indices[Math.min(h + headLength, indices.length) - 1] ?? last;
  const statement = new ParsedStatement(
    kind,
    source.toDoc(tokens.start(first)),
    source.toDoc(tokens.end(last)),
    Math.max(source.toDoc(tokens.end(last)), source.toDoc(sourceStop)),
    { start: source.toDoc(tokens.start(indices[Math.min(h, indices.length - 1)])), end: source.toDoc(tokens.end(headEnd)) },
    indices.some((i) => tokens.kind(i) === 'template'),
    embedded || source.embedded,
    source,
    tokens,
    first,
    last,
  );
  if (kind !== 'other' && kind !== 'create-procedure') {
    new ClauseReader(source, tokens, indices, words, statement).read(h + headLength);
    statement.roles = roleValues(statement);
  }
  model.statements.push(statement);
  if (kind === 'create-procedure') addBodyStatements(model, source, tokens, indices, words);
  else if (embedded && words[0] === 'EXECUTE' && indices.length === 2 && tokens.kind(indices[1]) === 'string') {
    addStringStatements(model, source, tokens, indices[1]);
  }
}

/** The statements of a procedure body (`AS $$ … $$` or `AS '…'`). */
function addBodyStatements(model: SqlModel, source: Source, tokens: TokenList, indices: number[], words: string[]): void {
  const as = words.indexOf('AS');
  const body = indices[as + 1];
  if (as < 0 || body === undefined) return;
  if (tokens.kind(body) === 'dollarString') {
    const { tokens: inner, problems } = lex(source.text, tokens.bodyStart(body), tokens.bodyEnd(body));
    for (const p of problems) model.problems.push({ ...p, offset: source.toDoc(p.offset) });
    finish(addStatements(model, { ...source, embedded: true }, inner, tokens.bodyEnd(body), true));
  } else if (tokens.kind(body) === 'string') addStringStatements(model, source, tokens, body, true);
}

/** The statements written inside a single-quoted string: a procedure body or `EXECUTE '…'`. */
function addStringStatements(model: SqlModel, outer: Source, outerTokens: TokenList, string: number, inBody = false): void {
  const source = innerSource(outer, outerTokens.bodyStart(string), outerTokens.bodyEnd(string));
  const { tokens, problems } = lex(source.text);
  for (const p of problems) model.problems.push({ ...p, offset: source.toDoc(p.offset) });
  finish(addStatements(model, source, tokens, source.text.length, inBody));
}

const FLAG_CLAUSES = new Set(['CLEANPATH', 'ALLOWOVERWRITE', 'SSH']);
/** Clauses whose value is required: without one, the clause is kept so rules can say so. */
const REQUIRED_VALUE = new Set(['IAM_ROLE', 'CATALOG_ROLE', 'CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'MASTER_SYMMETRIC_KEY', 'KMS_KEY_ID']);
/** Clauses kept only when a quoted value follows (the word alone may mean something else). */
const OPTIONAL_VALUE = new Set(['TOKEN', 'SECRET_ARN', 'AUTHENTICATION_ARN', 'CLUSTER_ARN', 'URI', 'CATALOG_ID', 'S3_BUCKET', 'LAMBDA', 'SAGEMAKER', 'DATABASE', 'SCHEMA', 'MODEL_ID']);
const EXTERNAL_SOURCES = ['DATA CATALOG', 'HIVE METASTORE', 'POSTGRES', 'MYSQL', 'KINESIS', 'MSK', 'KAFKA', 'REDSHIFT'];
/** Words that end a value-less IAM_ROLE rather than being its (wrong) value. */
const CLAUSE_WORDS = new Set([...REQUIRED_VALUE, ...OPTIONAL_VALUE, ...FLAG_CLAUSES, 'ENCRYPTED', 'MANIFEST', 'REGION', 'FORMAT', 'FROM', 'TO', 'FOR', 'JOB', 'DELIMITER', 'CSV', 'JSON', 'PARQUET', 'AVRO', 'GZIP', 'MODEL_TYPE', 'SETTINGS', 'AUTO', 'RETRY_TIMEOUT', 'MAX_BATCH_ROWS', 'MAX_BATCH_SIZE', 'CREATE', 'AUTHENTICATION', 'WITH']);
const roleWord = (w: string) => !CLAUSE_WORDS.has(w);
/** Every word that `ClauseReader.clause` reads a clause from, mapped to itself; other words are passed
 * over at once. Clause names are the map's own strings rather than the words sliced from the text, so
 * the rules' many comparisons and lookups of `clause.name` meet the same string every time. */
const CLAUSE_STARTS = new Map(['IAM_ROLE', 'CATALOG_ROLE', 'CREDENTIALS', ...REQUIRED_VALUE, 'ENCRYPTED', 'MANIFEST', ...FLAG_CLAUSES, 'REGION', ...OPTIONAL_VALUE, 'JSON', 'AVRO', 'FROM', 'TO', 'ON', 'FOR', 'FUNCTION', 'JOB'].map((w) => [w, w]));
/** For each first letter, a bit for the length of each word of CLAUSE_STARTS: most other words are passed
 * over without a lookup, which hashes the word. */
const CLAUSE_START_SHAPES = new Uint32Array(128);
for (const w of CLAUSE_STARTS.keys()) CLAUSE_START_SHAPES[w.charCodeAt(0)] |= 1 << w.length;
const mayStartClause = (word: string) => (CLAUSE_START_SHAPES[word.charCodeAt(0)] & (1 << word.length)) !== 0;

/** Reads the clauses of one statement, in source tokens, into the statement (document offsets). */
class ClauseReader {
  /** `indices`: the statement's tokens in `list`, so that token `i` of the statement is `list` token `indices[i]`. */
  constructor(private source: Source, private list: TokenList, private indices: number[], private words: string[], private statement: SqlStatement) {}

  private get length(): number {
    return this.indices.length;
  }

  private word(i: number): string {
    return this.words[i] ?? '';
  }

  /** Whether token `i` is the one-character operator `op` (its code). */
  private isOperator(i: number, op: number): boolean {
    const t = this.indices[i];
    if (t === undefined || !this.list.isOperator(t)) return false;
    const start = this.list.start(t);
    return this.list.end(t) - start === 1 && this.source.text.charCodeAt(start) === op;
  }

  private span(from: number, to: number): Span {
    return { start: this.source.toDoc(this.list.start(this.indices[from])), end: this.source.toDoc(this.list.end(this.indices[to])) };
  }

  /** The value at token `i`: a string-like token, or a bare word that `acceptWord` accepts. */
  private valueAt(i: number, acceptWord?: (word: string) => boolean): SqlValue | undefined {
    const t = this.indices[i];
    if (t === undefined) return undefined;
    const kind = this.list.kind(t);
    const isWord = kind === 'word' && acceptWord !== undefined && acceptWord(this.word(i));
    if (!STRING_KINDS.has(kind) && !isWord) return undefined;
    const raw = this.source.text.slice(this.list.bodyStart(t), this.list.bodyEnd(t));
    return {
      text: raw,
      value: kind === 'string' ? unescapeString(raw) : raw,
      offset: this.source.toDoc(this.list.bodyStart(t)),
      start: this.source.toDoc(this.list.start(t)),
      end: this.source.toDoc(this.list.end(t)),
      kind: kind as SqlValue['kind'],
      templated: kind === 'template' || hasTemplate(raw),
      unterminated: this.list.unterminated(t),
    };
  }

  private add(name: string, keywordFrom: number, keywordTo: number, value?: SqlValue, modifier?: string): void {
    const keyword = this.span(keywordFrom, keywordTo);
    const pairs = name === 'CREDENTIALS' && value && !value.templated ? credentialPairs(value) : undefined;
    this.statement.clauses.push({ name, keyword, value, modifier, pairs, start: keyword.start, end: value?.end ?? keyword.end });
  }

  read(from: number): void {
    const { kind } = this.statement;
    let depth = 0;
    let settingsDepth = -1;
    for (let i = from; i < this.length; i++) {
      const word = this.word(i);
      // Parentheses have no word: a word is not compared with them.
      if (word === '') {
        if (this.isOperator(i, OPEN_PAREN)) {
          depth++;
          if (this.word(i - 1) === 'SETTINGS') settingsDepth = depth;
        } else if (this.isOperator(i, CLOSE_PAREN)) {
          if (depth === settingsDepth) settingsDepth = -1;
          depth = Math.max(0, depth - 1);
        }
        continue;
      }
      if (depth !== 0 && depth !== settingsDepth) continue;
      const name = mayStartClause(word) ? CLAUSE_STARTS.get(word) : undefined;
      if (name) i = this.clause(kind, name, i);
    }
    if (kind === 'copy' || kind === 'copy-job') {
      const from = this.statement.clauses.find((c) => c.name === 'FROM')?.value;
      // The scheme of the source, in the longest form that can name one (dynamodb://).
      const scheme = from && !from.templated ? from.value.slice(0, 11).toLowerCase() : '';
      if (scheme.startsWith('s3://')) this.statement.source = this.statement.clauses.some((c) => c.name === 'SSH') ? 'SSH' : 'S3';
      else if (scheme.startsWith('dynamodb://')) this.statement.source = 'DYNAMODB';
      else if (scheme.startsWith('emr://')) this.statement.source = 'EMR';
    }
    if (kind === 'create-external-schema') this.statement.source ??= 'DATA CATALOG';
  }

  /** Reads the clause that starts with word `name` at token `i`; returns the index of its last token. */
  private clause(kind: StatementKind, name: string, i: number): number {
    if (name === 'IAM_ROLE' || name === 'CATALOG_ROLE') {
      const value = this.valueAt(i + 1, roleWord);
      this.add(name, i, i, value);
      return value ? i + 1 : i;
    }
    if (name === 'CREDENTIALS') {
      const first = this.word(i - 1) === 'WITH' ? i - 1 : i;
      const last = this.word(i + 1) === 'AS' ? i + 1 : i;
      const value = this.valueAt(last + 1);
      this.add(name, first, last, value);
      return value ? last + 1 : last;
    }
    if (REQUIRED_VALUE.has(name)) {
      const value = this.valueAt(i + 1);
      this.add(name, i, i, value);
      return value ? i + 1 : i;
    }
    if (name === 'ENCRYPTED' || name === 'MANIFEST') {
      const modifier = this.word(i + 1);
      const qualified = (name === 'ENCRYPTED' && modifier === 'AUTO') || (name === 'MANIFEST' && modifier === 'VERBOSE');
      this.add(name, i, qualified ? i + 1 : i, undefined, qualified ? modifier : undefined);
      return qualified ? i + 1 : i;
    }
    if (FLAG_CLAUSES.has(name)) {
      this.add(name, i, i);
      return i;
    }
    if (name === 'REGION') {
      const at = this.word(i + 1) === 'AS' ? i + 2 : i + 1;
      const value = this.valueAt(at);
      if (!value) return i;
      this.add(name, i, at - 1, value);
      return at;
    }
    if (OPTIONAL_VALUE.has(name)) {
      const value = this.valueAt(i + 1);
      if (!value) return i;
      this.add(name, i, i, value);
      return i + 1;
    }
    if ((name === 'JSON' || name === 'AVRO') && (kind === 'copy' || kind === 'copy-job')) {
      const value = this.valueAt(i + 1);
      if (!value || !/^s3:\/\//i.test(value.value)) return i;
      this.add('JSONPATHS', i, i, value);
      return i + 1;
    }
    if (name === 'FROM') return this.from(kind, i);
    if (name === 'TO' && kind === 'unload') {
      const value = this.valueAt(i + 1);
      if (value) this.add('TO', i, i, value);
      return value ? i + 1 : i;
    }
    if (name === 'ON' && (kind === 'grant-assumerole' || kind === 'revoke-assumerole')) return this.assumeRoleTargets(i);
    if (name === 'FOR' && (kind === 'grant-assumerole' || kind === 'revoke-assumerole')) {
      const words = this.indices.slice(i + 1).map((t, k) => (this.list.kind(t) === 'operator' ? ',' : this.word(i + 1 + k)));
      const commands = words.join(' ').split(/\s*,\s*/).map((w) => w.trim()).filter(Boolean);
      this.add('FOR', i, this.length - 1, undefined, commands.join(','));
      return this.length - 1;
    }
    if (name === 'FUNCTION' && (kind === 'create-model' || kind === 'create-external-model')) {
      const value = this.valueAt(i + 1, () => true);
      if (value?.kind === 'word' || value?.kind === 'template' || value?.kind === 'quotedIdent') this.add('FUNCTION', i, i, value);
      return value ? i + 1 : i;
    }
    if (name === 'JOB' && kind === 'copy-job' && this.word(i + 1) === 'CREATE') {
      const value = this.valueAt(i + 2, () => true);
      this.add('JOB', i, i + 1, value);
      return value ? i + 2 : i + 1;
    }
    return i;
  }

  private from(kind: StatementKind, i: number): number {
    if (kind === 'copy' || kind === 'copy-job' || kind === 'create-library') {
      const value = this.valueAt(i + 1);
      if (!value || value.kind === 'word') return i;
      this.add('FROM', i, i, value);
      return i + 1;
    }
    if (kind === 'create-external-schema') {
      const one = this.word(i + 1);
      const two = `${one} ${this.word(i + 2)}`;
      const found = EXTERNAL_SOURCES.includes(two) ? two : EXTERNAL_SOURCES.includes(one) ? one : undefined;
      if (found) this.statement.source = found;
      return found === undefined ? i : found === two ? i + 2 : i + 1;
    }
    if (kind === 'create-database') {
      const what = this.word(i + 1);
      if (what === 'INTEGRATION' || what === 'ARN') {
        const value = this.valueAt(i + 2);
        this.statement.source = what;
        this.add(what, i, i + 1, value);
        return value ? i + 2 : i + 1;
      }
      if (what === 'DATASHARE') this.statement.source = what;
    }
    return i;
  }

  /** `GRANT ASSUMEROLE ON 'chain' [, 'chain' …] | default | ALL`: one ON clause per target. */
  private assumeRoleTargets(i: number): number {
    let j = i + 1;
    for (;;) {
      const value = this.valueAt(j, roleWord);
      if (!value) break;
      this.add('ON', i, i, value);
      if (!this.isOperator(j + 1, COMMA)) return j;
      j += 2;
    }
    return j - 1;
  }
}
