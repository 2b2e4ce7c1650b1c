/** The Redshift SQL analyser: reads the statements and their authorization clauses a part at a time, and
 * runs every SQL rule over each part. A check after an edit reads again only the statements the edit changed. */
import type { Steps } from '../steps';
import type { Finding, Report } from '../types';
import { lexSteps, type LexResult } from './lexer';
import { SQL_RULES } from './rules';
import { lastAtOrBefore } from '../text';
import { carryOver, checkParts, learnBoundaries, lexFrom, type Boundaries } from './statements';

export { accessAt, accessOf, roleChainAt, type RoleRef, type StatementAccess } from './access';
export { parseSql, statementAt, type SqlModel, type SqlStatement } from './statements';

type RunRule = (id: string, findings: Finding[], run: (report: Report) => void) => void;

/** What a check of a text found, kept for the next check of the same document: the text's statement
 * boundaries, and the findings of each stretch of text between two of them (the first stretch from the
 * start, the last to the end), with offsets from the start of their stretch. */
export interface SqlCheck { boundaries: Boundaries; stretches: Finding[][] }

/** The findings of a SQL text, a step at a time, and what the next check may keep of them. Without an
 * earlier check of the document: the lexing, then the statements a part at a time, each part read and
 * checked by every rule in one step (see `checkParts`). After one: the statements between the boundaries
 * that an edit moved or removed are read and checked again (see `carryOver`); the findings of the others
 * are the earlier check's, moved with their text. */
export function* sqlFindingSteps(text: string, runRule: RunRule, earlier?: SqlCheck): Steps<{ findings: Finding[]; check: SqlCheck }> {
  if (!earlier) {
    const lexed = yield* lexSteps(text);
    const boundaries = { text, offsets: lexed.boundaries, reaches: lexed.reaches };
    learnBoundaries(boundaries);
    return checked({ boundaries, stretches: byStretch(yield* findingSteps(text, lexed, runRule), boundaries.offsets, 0, boundaries.offsets.length) });
  }
  yield;
  const carried = carryOver(earlier.boundaries, text);
  const { offsets } = carried.boundaries;
  learnBoundaries(carried.boundaries);
  const from = carried.kept ? offsets[carried.kept - 1] : 0;
  const lastRead = carried.resumed < 0 ? offsets.length : carried.resumed;
  yield;
  const found = yield* findingSteps(text, lexFrom(text, from, carried.resumed < 0 ? Infinity : offsets[carried.resumed] - 1, true), runRule);
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
 * stretch of text, they come in the rules' order, as `checked` lists them. The tokens are let go for the
 * next check to reuse: nothing of the statements, which read them, is kept. */
function* findingSteps(text: string, lexed: LexResult, runRule: RunRule): Steps<Finding[]> {
  const findings: Finding[] = [];
  yield* checkParts(text, lexed, (part) => {
    for (const rule of SQL_RULES) runRule(rule.id, findings, (report) => rule.check(part, report));
  });
  lexed.tokens.release();
  return findings;
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
