/** The Redshift SQL analyser: reads the statements and their authorization clauses a part at a time, and
 * runs every SQL rule over each part. A check after an edit reads again only the statements the edit changed. */
import { finish, type Steps } from '../steps';
import type { RunRule } from '../runRule';
import type { Finding } from '../types';
import { lexSteps, type LexResult } from './lexer';
import { SQL_RULES } from './rules';
import { lastAtOrBefore } from '../text';
import { carryOver, checkParts, learnBoundaries, lexFrom, readOn, type Boundaries } from './statements';

export { accessAt, accessOf, roleChainAt, type RoleRef, type StatementAccess } from './access';
export { parseSql, statementAt, type SqlModel, type SqlStatement } from './statements';

/** What a check of the statements of a text from one boundary to its end found: the findings, and the
 * boundaries and their reaches as the lexer met them from there (see `LexResult`). */
export interface StretchCheck { findings: Finding[]; boundaries: number[]; reaches: number[] }

/** Has the statements of `text` from the boundary `from` to its end checked elsewhere (another thread,
 * with `checkStretch`), or answers undefined at once when it cannot take the work. The promise never
 * rejects: it brings undefined when the work failed, which is then done here. */
export type CheckApart = (text: string, from: number) => Promise<StretchCheck | undefined> | undefined;

/** Below this length a script is checked in one piece: handing half of it to another thread and taking
 * the findings back would cost more than it saves. */
const SPLIT_MIN_LENGTH = 200_000;

/** Where a long script is cut in two for `CheckApart`: after the first `;` that ends a line from the
 * middle on. A guess, not yet known to be a boundary (the `;` may be inside a string or a body): the
 * lexing of the first half tells. */
function splitPoint(text: string): number | undefined {
  if (text.length < SPLIT_MIN_LENGTH) return undefined;
  const end = /;[ \t]*\r?\n/g;
  end.lastIndex = text.length >> 1;
  const found = end.exec(text);
  return found ? found.index + 1 : undefined;
}

/** The statements of `text` from the boundary `from` to its end, checked a part at a time. */
function* stretchSteps(text: string, from: number, runRule: RunRule): Steps<StretchCheck> {
  const lexed = lexFrom(text, from);
  return { findings: yield* findingSteps(text, lexed, runRule), boundaries: lexed.boundaries, reaches: lexed.reaches };
}

/** `stretchSteps` at once: the work of a `CheckApart` on another thread. */
export function checkStretch(text: string, from: number, runRule: RunRule): StretchCheck {
  return finish(stretchSteps(text, from, runRule));
}

/** What a check of a text found, kept for the next check of the same document: the text's statement
 * boundaries, and the findings of each stretch of text between two of them (the first stretch from the
 * start, the last to the end), with offsets from the start of their stretch. */
export interface SqlCheck { boundaries: Boundaries; stretches: Finding[][] }

/** The findings of a SQL text, a step at a time, and what the next check may keep of them. Without an
 * earlier check of the document: the lexing, then the statements a part at a time, each part read and
 * checked by every rule in one step (see `checkParts`). After one: the statements between the boundaries
 * that an edit moved or removed are read and checked again (see `carryOver`); the findings of the others
 * are the earlier check's, moved with their text. */
export function* sqlFindingSteps(text: string, runRule: RunRule, earlier?: SqlCheck, apart?: CheckApart): Steps<{ findings: Finding[]; check: SqlCheck }> {
  if (!earlier) {
    const split = apart && splitPoint(text);
    const theirs = split === undefined ? undefined : apart?.(text, split);
    // With the second half taken elsewhere, this side lexes only up to the split (or the first boundary after it).
    const lexed = yield* lexSteps(text, theirs ? split! - 1 : Infinity);
    let findings = yield* findingSteps(text, lexed, runRule);
    let offsets = lexed.boundaries;
    let reaches = lexed.reaches;
    const stop = offsets.at(-1);
    if (theirs && stop !== undefined && stop >= split!) {
      // The half from `stop` on: the other thread's if `stop` is where it started (the guess was a
      // boundary) and it did the work, or else this side's.
      let rest = stop === split ? yield* awaited(theirs) : undefined;
      rest ??= yield* stretchSteps(text, stop, runRule);
      const after = readOn(rest, stop, reaches.at(-1)!);
      offsets = [...offsets, ...after.offsets];
      reaches = [...reaches, ...after.reaches];
      findings = findings.concat(rest.findings);
    }
    const boundaries = { text, offsets, reaches };
    learnBoundaries(boundaries);
    return checked({ boundaries, stretches: byStretch(findings, offsets, 0, offsets.length) });
  }
  yield;
  const carried = carryOver(earlier.boundaries, text);
  const { offsets } = carried.boundaries;
  learnBoundaries(carried.boundaries);
  const from = carried.kept ? offsets[carried.kept - 1] : 0;
  const lastRead = carried.resumed < 0 ? offsets.length : carried.resumed;
  yield;
  const found = yield* findingSteps(text, lexFrom(text, from, carried.resumed < 0 ? Infinity : offsets[carried.resumed] - 1), runRule);
  const stretches = [
    ...earlier.stretches.slice(0, carried.kept),
    ...byStretch(found, offsets, carried.kept, lastRead),
    ...(carried.resumed < 0 ? [] : earlier.stretches.slice(carried.resumedFrom + 1)),
  ];
  return checked({ boundaries: carried.boundaries, stretches });
}

/** The findings of a check, in the order of the text's stretches (each stretch's in the rules' order), so
 * that a check after an edit lists them as a check from scratch does. */
function checked(check: SqlCheck): { findings: Finding[]; check: SqlCheck } {
  const { offsets } = check.boundaries;
  const findings: Finding[] = [];
  // Most stretches have no findings: a loop makes no list for them.
  check.stretches.forEach((inStretch, k) => {
    for (const f of inStretch) findings.push(moved(f, k ? offsets[k - 1] : 0));
  });
  return { findings, check };
}

/** The findings of the rules on the statements of `lexed`, a part at a time (see `checkParts`). Within a
 * stretch of text, they come in the rules' order, as `checked` lists them. */
function* findingSteps(text: string, lexed: LexResult, runRule: RunRule): Steps<Finding[]> {
  const findings: Finding[] = [];
  yield* checkParts(text, lexed, (part) => {
    for (const rule of SQL_RULES) runRule(rule.id, findings, (report) => rule.check(part, report));
  });
  return findings;
}

/** The value of `promise`, waited for by yielding it. */
function* awaited<T>(promise: Promise<T>): Steps<T> {
  let settled = false;
  let value: T;
  void promise.then((v) => {
    settled = true;
    value = v;
  });
  while (!settled) yield promise;
  return value!;
}

const NONE: Finding[] = [];

/** `findings` sorted into the stretches `first` to `last` between `offsets` (a finding goes to the stretch
 * its offset is in), with offsets from the start of their stretch. */
function byStretch(findings: Finding[], offsets: number[], first: number, last: number): Finding[][] {
  const stretches: Finding[][] = new Array<Finding[]>(last - first + 1).fill(NONE);
  for (const f of findings) {
    // The stretch an offset is in: the number of boundaries at or before it.
    const k = Math.min(last, Math.max(first, lastAtOrBefore(offsets, f.offset) + 1));
    if (stretches[k - first] === NONE) stretches[k - first] = [];
    stretches[k - first].push(moved(f, -(k ? offsets[k - 1] : 0)));
  }
  return stretches;
}

/** A finding with its offsets, and those of its fixes' edits, moved by `by`. */
function moved(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const fixes = f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: e.offset + by })) }));
  return fixes ? { ...f, offset: f.offset + by, fixes } : { ...f, offset: f.offset + by };
}
