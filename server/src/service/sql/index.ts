/** The Redshift SQL analyser: parses the statements and their authorization clauses once, then runs the
 * SQL rules over that model. */
import type { Steps } from '../steps';
import type { Finding, Report } from '../types';
import { SQL_RULES } from './rules';
import { sqlModelSteps, type SqlModel } from './statements';

export { accessAt, accessOf, roleChainAt, type RoleRef, type StatementAccess } from './access';
export { parseSql, statementAt, type SqlModel, type SqlStatement } from './statements';

/** How many statements a rule reads in one step: a millisecond or two of work. */
const STATEMENTS_PER_RULE_STEP = 2000;

/** The findings of a SQL text, a step at a time: the parse, then each rule over STATEMENTS_PER_RULE_STEP
 * statements a step. */
export function* sqlFindingSteps(text: string, runRule: (id: string, findings: Finding[], run: (report: Report) => void) => void): Steps<Finding[]> {
  const findings: Finding[] = [];
  const model = yield* sqlModelSteps(text);
  for (const rule of SQL_RULES) {
    for (let from = 0; from === 0 || from < model.statements.length; from += STATEMENTS_PER_RULE_STEP) {
      yield;
      const part = model.statements.length <= STATEMENTS_PER_RULE_STEP ? model : partOf(model, from);
      runRule(rule.id, findings, (report) => rule.check(part, report));
    }
  }
  return findings;
}

/** The statements of `model` from `from` on, as many as a rule reads in one step; the problems of the
 * text come with the first part. */
function partOf(model: SqlModel, from: number): SqlModel {
  return { ...model, statements: model.statements.slice(from, from + STATEMENTS_PER_RULE_STEP), problems: from === 0 ? model.problems : [] };
}
