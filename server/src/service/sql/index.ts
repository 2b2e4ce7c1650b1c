/** The Redshift SQL analyser: parses the statements and their authorization clauses once, then runs the
 * SQL rules over that model. */
import type { Finding, Report } from '../types';
import { SQL_RULES } from './rules';
import { sqlModel } from './statements';

export { accessAt, accessOf, roleChainAt, type RoleRef, type StatementAccess } from './access';
export { parseSql, statementAt, type SqlModel, type SqlStatement } from './statements';

export function analyzeSql(text: string, runRule: (id: string, findings: Finding[], run: (report: Report) => void) => void): Finding[] {
  const findings: Finding[] = [];
  const model = sqlModel(text);
  for (const rule of SQL_RULES) runRule(rule.id, findings, (report) => rule.check(model, report));
  return findings;
}
