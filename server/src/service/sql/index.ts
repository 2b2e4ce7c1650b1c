/** The Redshift SQL analyser: parses the statements and their authorization clauses once, then runs the
 * SQL rules over that model. */
import type { Steps } from '../steps';
import type { Finding, Report } from '../types';
import { SQL_RULES } from './rules';
import { sqlModelSteps } from './statements';

export { accessAt, accessOf, roleChainAt, type RoleRef, type StatementAccess } from './access';
export { parseSql, statementAt, type SqlModel, type SqlStatement } from './statements';

/** The findings of a SQL text, a step at a time: the parse, then one rule per step. */
export function* sqlFindingSteps(text: string, runRule: (id: string, findings: Finding[], run: (report: Report) => void) => void): Steps<Finding[]> {
  const findings: Finding[] = [];
  const model = yield* sqlModelSteps(text);
  for (const rule of SQL_RULES) {
    yield;
    runRule(rule.id, findings, (report) => rule.check(model, report));
  }
  return findings;
}
