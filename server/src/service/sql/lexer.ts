/** A single-pass lexer for Amazon Redshift SQL as people write it: comments (nested block comments as in
 * PostgreSQL), strings with '' and backslash escapes, E'…', dollar quoting ($$ … $$, $tag$ … $tag$),
 * double-quoted identifiers, and the templating found in SQL files (Jinja, psql variables, ${NAME},
 * Python {name}, $NAME$ placeholders), which is kept opaque and never an error. */
import type { Steps } from '../steps';

export type TokenKind =
  | 'word' // keyword or identifier
  | 'quotedIdent' // "identifier"
  | 'string' // '…' or E'…'
  | 'dollarString' // $$ … $$ or $tag$ … $tag$
  | 'typographicString' // ‘…’ or “…” pasted from a document
  | 'number'
  | 'param' // $1
  | 'operator' // punctuation and operators; `;` ends a statement
  | 'template' // {{ … }}, {% … %}, :name, :'name', ${NAME}, {name}, $NAME$, psql \meta-commands
  | 'comment'; // -- …, /* … */, {# … #}

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The text between the quotes of a string, dollar string, typographic string or quoted identifier;
   * the whole token otherwise. */
  bodyStart: number;
  bodyEnd: number;
  /** The closing quote is missing (a syntax problem was reported). */
  unterminated: boolean;
}

export interface LexProblem { offset: number; length: number; message: string }

/** Token kinds as the lexer stores them: the index of their name in KIND_NAMES. */
const enum Kind { Word, QuotedIdent, String, DollarString, TypographicString, Number, Param, Operator, Template, Comment }
const KIND_NAMES: TokenKind[] = ['word', 'quotedIdent', 'string', 'dollarString', 'typographicString', 'number', 'param', 'operator', 'template', 'comment'];
const UNTERMINATED = 0x80;

/** Up to this many tokens (a script of about 4 MB), the arrays of a list let go are kept for the next. */
const SPARE_CAPACITY_MAX = 1 << 19;

/** The tokens of a text, kept in typed arrays rather than one object per token: a long script has
 * hundreds of thousands of tokens, and a model that keeps them as objects spends its time in the
 * garbage collector. `token(i)` gives one as an object. */
export class TokenList {
  /** The arrays of the largest list let go (see `release`) since a list last took them. */
  private static spare: { kinds: Uint8Array; offsets: Int32Array } | undefined;

  count = 0;
  private kinds: Uint8Array;
  private offsets: Int32Array;

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.offsets = new Int32Array(4 * capacity);
  }

  /** A list for a check's lexing, in the arrays of one let go if they are large enough. A long script's
   * arrays take megabytes, and memory a process touches for the first time costs a page fault per 4 KB
   * (about 10 µs on some virtual machines): new arrays at every check made lexing the benchmark's 1.3 MB
   * script about 40% slower. */
  static reusing(capacity: number): TokenList {
    const spare = TokenList.spare;
    if (!spare || spare.kinds.length < capacity) return new TokenList(capacity);
    TokenList.spare = undefined;
    const list = new TokenList(0);
    list.kinds = spare.kinds;
    list.offsets = spare.offsets;
    return list;
  }

  /** Lets the next list made by `reusing` have these arrays: for the owner of the list, once nothing
   * reads it any more (statements read their tokens from it). The list is empty afterwards. */
  release(): void {
    const spare = TokenList.spare;
    if (this.kinds.length <= SPARE_CAPACITY_MAX && (!spare || spare.kinds.length < this.kinds.length)) {
      TokenList.spare = { kinds: this.kinds, offsets: this.offsets };
    }
    this.kinds = new Uint8Array(0);
    this.offsets = new Int32Array(0);
    this.count = 0;
  }

  push(kind: Kind, start: number, end: number, bodyStart: number, bodyEnd: number, unterminated: boolean): void {
    if (this.count === this.kinds.length) {
      const capacity = Math.max(64, this.count * 2);
      const kinds = new Uint8Array(capacity);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const offsets = new Int32Array(capacity * 4);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.kinds[this.count] = kind | (unterminated ? UNTERMINATED : 0);
    const o = this.count * 4;
    this.offsets[o] = start;
    this.offsets[o + 1] = end;
    this.offsets[o + 2] = bodyStart;
    this.offsets[o + 3] = bodyEnd;
    this.count++;
  }

  kind(i: number): TokenKind {
    return KIND_NAMES[this.kinds[i] & ~UNTERMINATED];
  }

  /** `kind(i) === 'comment'`, without the name: statements are split on every token. */
  isComment(i: number): boolean {
    return (this.kinds[i] & ~UNTERMINATED) === Kind.Comment;
  }

  isWord(i: number): boolean {
    return (this.kinds[i] & ~UNTERMINATED) === Kind.Word;
  }

  isOperator(i: number): boolean {
    return (this.kinds[i] & ~UNTERMINATED) === Kind.Operator;
  }

  start(i: number): number {
    return this.offsets[i * 4];
  }

  end(i: number): number {
    return this.offsets[i * 4 + 1];
  }

  bodyStart(i: number): number {
    return this.offsets[i * 4 + 2];
  }

  bodyEnd(i: number): number {
    return this.offsets[i * 4 + 3];
  }

  unterminated(i: number): boolean {
    return (this.kinds[i] & UNTERMINATED) !== 0;
  }

  token(i: number): Token {
    return { kind: this.kind(i), start: this.start(i), end: this.end(i), bodyStart: this.bodyStart(i), bodyEnd: this.bodyEnd(i), unterminated: this.unterminated(i) };
  }

  toArray(): Token[] {
    return Array.from({ length: this.count }, (_, i) => this.token(i));
  }
}

export interface LexResult {
  tokens: TokenList;
  problems: LexProblem[];
  /** The offsets right after the `;` tokens, in order. */
  boundaries: number[];
  /** For each of `boundaries`, how far the lexer had read the text when it met that `;` (an offset past
   * the last character it looked at): a boundary holds after an edit from there on, not before. */
  reaches: number[];
}

const enum Ch {
  Tab = 9, LineFeed = 10, VerticalTab = 11, FormFeed = 12, CarriageReturn = 13, Space = 32,
  DoubleQuote = 34, Hash = 35, Dollar = 36, Percent = 37, Quote = 39, OpenParen = 40, Star = 42,
  Minus = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Semicolon = 59, A = 65, E = 69, Z = 90,
  Backslash = 92, Underscore = 95, a = 97, e = 101, z = 122, OpenBrace = 123, CloseBrace = 125,
  NoBreakSpace = 0xa0, LeftSingle = 0x2018, RightSingle = 0x2019, LeftDouble = 0x201c, RightDouble = 0x201d,
  ByteOrderMark = 0xfeff,
}

/** What each ASCII character can be, as bits: the lexer looks every character up once rather than
 * comparing it with each kind in turn. */
const enum Class { Space = 1, WordStart = 2, WordPart = 4 }
const ASCII_CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z) || c === Ch.Underscore;
  const space = c === Ch.Space || (c >= Ch.Tab && c <= Ch.CarriageReturn);
  ASCII_CLASSES[c] = (space ? Class.Space : 0) | (letter ? Class.WordStart | Class.WordPart : 0) | ((c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Dollar ? Class.WordPart : 0);
}

function isSpace(c: number): boolean {
  if (c < 128) return (ASCII_CLASSES[c] & Class.Space) !== 0;
  return c === Ch.NoBreakSpace || c === Ch.ByteOrderMark || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function isTypographicQuote(c: number): boolean {
  return c >= Ch.LeftSingle && c <= Ch.RightDouble && c !== 0x201a && c !== 0x201b;
}

/** Letters, underscore and any non-ASCII character that is neither a space nor a typographic quote. */
function isWordStart(c: number): boolean {
  if (c < 128) return (ASCII_CLASSES[c] & Class.WordStart) !== 0;
  return !isSpace(c) && !isTypographicQuote(c);
}

function isWordPart(c: number): boolean {
  if (c < 128) return (ASCII_CLASSES[c] & Class.WordPart) !== 0;
  return isWordStart(c);
}

/** Words whose quoted value fits on one line. A string after one of them that runs over a line break, or
 * a multi-line string whose last line is one of them followed by a blank, was meant to close at the end of
 * its first line: the closing quote is missing there. */
const VALUE_KEYWORDS = new Set([
  'iam_role', 'credentials', 'access_key_id', 'secret_access_key', 'session_token', 'token',
  'master_symmetric_key', 'kms_key_id', 'region', 'catalog_role', 'secret_arn', 'lambda', 'sagemaker',
  'delimiter', 'uri', 'catalog_id', 'authentication_arn', 'cluster_arn', 'from', 'to',
]);

/** `indexOf` with a memo, so repeated searches from increasing positions stay linear overall. */
function finder(text: string, needle: string): (from: number) => number {
  let memoFrom = -1;
  let memoAt = -1;
  return (from) => {
    if (memoFrom >= 0 && from >= memoFrom && (memoAt < 0 || from <= memoAt)) return memoAt;
    memoFrom = from;
    memoAt = text.indexOf(needle, from);
    return memoAt;
  };
}

/** Lexes `text` from `start` to `end`, or only up to the first `;` token at or after `stopAfter`. Offsets
 * in tokens and problems are offsets into `text`. With `reuse`, the tokens go into the arrays of a list
 * let go (`TokenList.reusing`): for a caller that lets this one go too once done, as a check does. */
export function lex(text: string, start = 0, end = text.length, stopAfter = Infinity, reuse = false): LexResult {
  const { lexUntil, ...result } = lexer(text, start, end, stopAfter, reuse);
  lexUntil(Infinity);
  return result;
}

/** How many characters `lexSteps` lexes per step: about a millisecond's work. */
const LEX_STEP = 65_536;

/** `lex` of a whole text, a step at a time: a step lexes about LEX_STEP characters (a token is never split). */
export function* lexSteps(text: string): Steps<LexResult> {
  const { lexUntil, ...result } = lexer(text, 0, text.length, Infinity, true);
  for (let limit = LEX_STEP; !lexUntil(limit); limit += LEX_STEP) yield;
  return result;
}

/** The lexer's state over one stretch of `text`, and `lexUntil(limit)`, which lexes on until the token
 * that reaches `limit` and says whether the stretch is done. A plain function rather than a generator:
 * counted under cachegrind, lexing the benchmark script took 149 million instructions as a generator,
 * 141 million so, against 137 million before it could stop. */
function lexer(text: string, start: number, end: number, stopAfter: number, reuse: boolean): LexResult & { lexUntil(limit: number): boolean } {
  // Room for a token every eight characters (SQL scripts run at about nine), so that a long script's
  // list is seldom copied to grow; a lexing that stops at a statement's end starts small.
  const capacity = stopAfter === Infinity ? Math.max(64, (end - start) >> 3) : 1024;
  const tokens = reuse ? TokenList.reusing(capacity) : new TokenList(capacity);
  const problems: LexProblem[] = [];
  const boundaries: number[] = [];
  const reaches: number[] = [];
  /** Past the farthest character that a token's reading looked at beyond the next two (past the end of
   * the text when it looked for something up to there). */
  let farthest = 0;
  const nextLineFeed = finder(text, '\n');
  const nextBackslash = finder(text, '\\');
  const nextBrace = finder(text, '{');
  /** Whether `next` finds its character at or after `from` and before `limit`. */
  const between = (next: (from: number) => number, from: number, limit: number) => {
    const at = next(from);
    return at >= 0 && at < limit;
  };
  const closers = new Map<string, (from: number) => number>();
  const closerOf = (needle: string) => {
    let f = closers.get(needle);
    if (!f) closers.set(needle, (f = finder(text, needle)));
    return f;
  };
  /** Where the line holding `pos` ends (the offset of its line feed, or `end`). */
  const lineEnd = (pos: number) => {
    const at = nextLineFeed(pos);
    const e = at < 0 || at > end ? end : at;
    farthest = Math.max(farthest, e + 1);
    return e;
  };
  /** The offset of `needle` at or after `from` if it is on the same line, else -1. */
  const onSameLine = (needle: string, from: number) => {
    const at = closerOf(needle)(from);
    return at >= 0 && at + needle.length <= lineEnd(from) ? at : -1;
  };
  /** The offset of `needle` at or after `from` if before `end`, else -1. */
  const before = (needle: string, from: number) => {
    const at = closerOf(needle)(from);
    const found = at >= 0 && at + needle.length <= end;
    // Not finding it depends on where the text ends: an edit at its end may add it.
    farthest = Math.max(farthest, found ? at + needle.length : end + 1);
    return found ? at : -1;
  };
  /** Indices of the last two tokens that are not comments (-1: none yet). */
  let lastSignificant = -1;
  let beforeLastSignificant = -1;
  const push = (kind: Kind, s: number, e: number, bodyStart = s, bodyEnd = e, unterminated = false) => {
    if (kind !== Kind.Comment) {
      beforeLastSignificant = lastSignificant;
      lastSignificant = tokens.count;
    }
    tokens.push(kind, s, e, bodyStart, bodyEnd, unterminated);
  };
  const lowerWord = (i: number) => (i >= 0 && tokens.kind(i) === 'word' ? text.slice(tokens.start(i), tokens.end(i)).toLowerCase() : '');
  /** The string about to be lexed is the value of a one-line clause (`IAM_ROLE '…'`, `REGION AS '…'`). */
  const isOneLineValue = () => VALUE_KEYWORDS.has(lowerWord(lastSignificant)) ||
    (lowerWord(lastSignificant) === 'as' && VALUE_KEYWORDS.has(lowerWord(beforeLastSignificant)));
  const unterminated = (kind: Kind, s: number, openLength: number, what: string, closing = 'quote') => {
    problems.push({ offset: s, length: openLength, message: `Unterminated ${what}: the closing ${closing} is missing.` });
    const e = lineEnd(s);
    push(kind, s, e, s + openLength, e, true);
    return e;
  };
  /** Skips `{{ … }}` or `{% … %}` inside a string so quotes in Jinja don't end the string. */
  const skipJinjaInString = (j: number): number => {
    const c = text.charCodeAt(j + 1);
    if (c !== Ch.OpenBrace && c !== Ch.Percent) return j + 1;
    const close = onSameLine(c === Ch.OpenBrace ? '}}' : '%}', j + 2);
    return close < 0 ? j + 1 : close + 2;
  };

  /** A single-quoted string opening at `s` (body from `s + openLength`). Returns where lexing resumes. */
  const lexString = (s: number, openLength: number): number => {
    let j = s + openLength;
    let firstLineFeed = -1;
    let lastLineFeed = -1;
    // Most strings are one line without escapes or braces: their closing quote is found by indexOf, and
    // the loop below reads only strings that hold one of those.
    for (;;) {
      const quote = text.indexOf("'", j);
      if (quote < 0 || quote >= end || between(nextLineFeed, j, quote) || between(nextBackslash, j, quote) || between(nextBrace, j, quote)) break;
      j = quote;
      if (text.charCodeAt(quote + 1) !== Ch.Quote || quote + 1 >= end) break;
      j += 2;
    }
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === Ch.Quote) {
        if (text.charCodeAt(j + 1) === Ch.Quote && j + 1 < end) { j += 2; continue; }
        break;
      }
      if (c === Ch.Backslash) { j += 2; continue; }
      if (c === Ch.LineFeed) {
        if (firstLineFeed < 0) firstLineFeed = j;
        lastLineFeed = j;
      } else if (c === Ch.OpenBrace) { j = skipJinjaInString(j); continue; }
      j++;
    }
    farthest = Math.max(farthest, j + 2);
    if (j >= end) return unterminated(Kind.String, s, openLength, 'string');
    if (lastLineFeed >= 0) {
      const keyword = /^\s*([A-Za-z_]+)\s+$/.exec(text.slice(lastLineFeed + 1, j))?.[1].toLowerCase();
      const swallowed = keyword && VALUE_KEYWORDS.has(keyword) ? ` ("${keyword} '")` : '';
      if (swallowed || isOneLineValue()) {
        problems.push({ offset: s, length: openLength, message: `This string runs into the next line${swallowed}: the closing quote is missing at the end of the line.` });
        const lineStop = text.charCodeAt(firstLineFeed - 1) === Ch.CarriageReturn ? firstLineFeed - 1 : firstLineFeed;
        push(Kind.String, s, lineStop, s + openLength, lineStop, true);
        return firstLineFeed;
      }
    }
    push(Kind.String, s, j + 1, s + openLength, j);
    return j + 1;
  };

  /** Where the next call of lexUntil goes on from. */
  let resume = start;
  function lexUntil(limit: number): boolean {
    // A local position: on one the closure shares, the loop took 145 million instructions.
    let i = resume;
    while (i < end) {
      if (i >= limit) {
        resume = i;
        return false;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) { i++; continue; }
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;

      // Words first, the commonest tokens; E'…' is a string.
      if (isWordStart(c) && !((c === Ch.E || c === Ch.e) && next === Ch.Quote)) {
        let j = i + 1;
        while (j < end && isWordPart(text.charCodeAt(j))) j++;
        push(Kind.Word, i, j);
        i = j;
      } else if (c === Ch.Minus && next === Ch.Minus) {
        const e = lineEnd(i);
        push(Kind.Comment, i, e);
        i = e;
      } else if (c === Ch.Slash && next === Ch.Star) {
        let depth = 1;
        let j = i + 2;
        while (j < end && depth > 0) {
          const d = text.charCodeAt(j);
          if (d === Ch.Star && text.charCodeAt(j + 1) === Ch.Slash && j + 1 < end) { depth--; j += 2; }
          else if (d === Ch.Slash && text.charCodeAt(j + 1) === Ch.Star && j + 1 < end) { depth++; j += 2; }
          else j++;
        }
        farthest = Math.max(farthest, j + 1);
        if (depth > 0) {
          problems.push({ offset: i, length: 2, message: 'Unterminated block comment: the closing */ is missing.' });
          const e = lineEnd(i);
          push(Kind.Comment, i, e, i, e, true);
          i = e;
        } else {
          push(Kind.Comment, i, j);
          i = j;
        }
      } else if (c === Ch.Quote) {
        i = lexString(i, 1);
      } else if ((c === Ch.E || c === Ch.e) && next === Ch.Quote) {
        i = lexString(i, 2);
      } else if (c === Ch.DoubleQuote) {
        let j = i + 1;
        while (j < end) {
          if (text.charCodeAt(j) === Ch.DoubleQuote) {
            if (text.charCodeAt(j + 1) === Ch.DoubleQuote && j + 1 < end) { j += 2; continue; }
            break;
          }
          j++;
        }
        farthest = Math.max(farthest, j + 2);
        if (j >= end) i = unterminated(Kind.QuotedIdent, i, 1, 'quoted identifier');
        else {
          push(Kind.QuotedIdent, i, j + 1, i + 1, j);
          i = j + 1;
        }
      } else if (c === Ch.Dollar) {
        i = lexDollar(i, next);
      } else if (c === Ch.OpenBrace) {
        i = lexBrace(i, next);
      } else if (c === Ch.Colon) {
        i = lexColon(i, next);
      } else if (isTypographicQuote(c)) {
        const closer = c === Ch.LeftDouble || c === Ch.RightDouble ? [Ch.RightDouble, Ch.LeftDouble] : [Ch.RightSingle, Ch.LeftSingle];
        const limit = lineEnd(i);
        let j = i + 1;
        while (j < limit && !closer.includes(text.charCodeAt(j))) j++;
        if (j < limit) {
          push(Kind.TypographicString, i, j + 1, i + 1, j);
          i = j + 1;
        } else {
          push(Kind.Operator, i, i + 1);
          i++;
        }
      } else if (c === Ch.Backslash && atLineStart(i)) {
        const e = lineEnd(i);
        push(Kind.Template, i, e);
        i = e;
      } else if (isDigit(c) || (c === Ch.Dot && isDigit(next))) {
        let j = i + 1;
        while (j < end) {
          const d = text.charCodeAt(j);
          if (isDigit(d) || d === Ch.Dot) j++;
          else if ((d === Ch.E || d === Ch.e) && (isDigit(text.charCodeAt(j + 1)) || ((text.charCodeAt(j + 1) === 43 || text.charCodeAt(j + 1) === Ch.Minus) && isDigit(text.charCodeAt(j + 2))))) j += 2;
          else break;
        }
        push(Kind.Number, i, Math.min(j, end));
        i = Math.min(j, end);
      } else {
        push(Kind.Operator, i, i + 1);
        i++;
        if (c === Ch.Semicolon) {
          boundaries.push(i);
          // Every token reading looks at most two characters past its end (a number's exponent).
          reaches.push(Math.max(farthest, i + 2));
          if (i > stopAfter) break;
        }
      }
    }
    resume = end;
    return true;
  }
  return { tokens, problems, boundaries, reaches, lexUntil };

  function atLineStart(pos: number): boolean {
    for (let j = pos - 1; j >= start; j--) {
      const d = text.charCodeAt(j);
      if (d === Ch.LineFeed) return true;
      if (d !== Ch.Space && d !== Ch.Tab && d !== Ch.CarriageReturn) return false;
    }
    return true;
  }

  /** `$1`, `${NAME}`, `$$ … $$`, `$tag$ … $tag$`, or a `$NAME$` / `$NAME` placeholder. */
  function lexDollar(s: number, next: number): number {
    if (isDigit(next)) {
      let j = s + 2;
      while (j < end && isDigit(text.charCodeAt(j))) j++;
      push(Kind.Param, s, j);
      return j;
    }
    if (next === Ch.OpenBrace) {
      const close = onSameLine('}', s + 2);
      if (close >= 0) {
        push(Kind.Template, s, close + 1);
        return close + 1;
      }
      push(Kind.Operator, s, s + 1);
      return s + 1;
    }
    let j = s + 1;
    if (isWordStart(next)) {
      j++;
      while (j < end && isWordPart(text.charCodeAt(j)) && text.charCodeAt(j) !== Ch.Dollar) j++;
    }
    if (text.charCodeAt(j) !== Ch.Dollar || j >= end) {
      // `$NAME` (shell style) is a placeholder; a lone `$` is an operator.
      push(j > s + 1 ? Kind.Template : Kind.Operator, s, j);
      return j;
    }
    const tag = text.slice(s, j + 1);
    const bodyStart = j + 1;
    const close = before(tag, bodyStart);
    if (tag === '$$') {
      if (close < 0) return unterminated(Kind.DollarString, s, 2, 'dollar-quoted string', '$$');
    } else if (close < 0 || looksLikePlaceholder(tag)) {
      push(Kind.Template, s, bodyStart);
      return bodyStart;
    }
    push(Kind.DollarString, s, close + tag.length, bodyStart, close);
    return close + tag.length;
  }

  /** `$NAME$` in capitals is a placeholder unless it opens a body (after AS or an opening parenthesis),
   * where pgAdmin-style `$BODY$` quoting is common. */
  function looksLikePlaceholder(tag: string): boolean {
    if (/[a-z]/.test(tag)) return false;
    if (lastSignificant < 0) return true;
    const prevText = text.slice(tokens.start(lastSignificant), tokens.end(lastSignificant));
    return !(prevText === '(' || /^as$/i.test(prevText));
  }

  /** `{{ … }}`, `{% … %}`, `{# … #}` (Jinja), `{name}` (Python format), or a lone brace. */
  function lexBrace(s: number, next: number): number {
    if (next === Ch.OpenBrace || next === Ch.Percent || next === Ch.Hash) {
      const closer = next === Ch.OpenBrace ? '}}' : next === Ch.Percent ? '%}' : '#}';
      const close = before(closer, s + 2);
      const e = close < 0 ? lineEnd(s) : close + 2;
      push(next === Ch.Hash ? Kind.Comment : Kind.Template, s, e);
      return e;
    }
    let j = s + 1;
    while (j < end && (isWordPart(text.charCodeAt(j)) || text.charCodeAt(j) === Ch.Dot)) j++;
    if (text.charCodeAt(j) === Ch.CloseBrace && j < end) {
      push(Kind.Template, s, j + 1);
      return j + 1;
    }
    push(Kind.Operator, s, s + 1);
    return s + 1;
  }

  /** `::` (cast), psql `:name`, `:'name'`, `:"name"`, or a lone colon. */
  function lexColon(s: number, next: number): number {
    if (next === Ch.Colon) {
      push(Kind.Operator, s, s + 2);
      return s + 2;
    }
    if (next === Ch.Quote || next === Ch.DoubleQuote) {
      const close = onSameLine(next === Ch.Quote ? "'" : '"', s + 2);
      if (close >= 0) {
        push(Kind.Template, s, close + 1);
        return close + 1;
      }
    } else if (isWordStart(next)) {
      let j = s + 2;
      while (j < end && isWordPart(text.charCodeAt(j))) j++;
      push(Kind.Template, s, j);
      return j;
    }
    push(Kind.Operator, s, s + 1);
    return s + 1;
  }
}

/** Whether a string value holds templating (`{{ }}`, `{% %}`, `${ }`, `{name}`, `$NAME$`), so its
 * content is not what Redshift will see and must not be judged. */
export function hasTemplate(value: string): boolean {
  if (!value.includes('{') && !value.includes('$')) return false;
  return /\{\{|\{%|\$\{|\{[A-Za-z_][\w.]*\}|\$[A-Za-z_]\w*\$/.test(value);
}

/** The value of a single-quoted string body: '' and backslash escapes resolved. */
export function unescapeString(body: string): string {
  if (!body.includes("'") && !body.includes('\\')) return body;
  return body.replace(/''|\\(.)/gs, (m, escaped: string | undefined) => {
    if (m === "''") return "'";
    switch (escaped) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'b': return '\b';
      case 'f': return '\f';
      default: return escaped ?? '';
    }
  });
}
