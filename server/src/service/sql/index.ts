/** The Redshift SQL analyser: finds the authorization clauses of each statement and runs the SQL rules. */
import type { Finding, Report } from '../types';
import { SQL_RULES } from './rules';

export function analyzeSql(text: string, runRule: (id: string, findings: Finding[], run: (report: Report) => void) => void): Finding[] {
  const findings: Finding[] = [];
  const model = { text };
  for (const rule of SQL_RULES) runRule(rule.id, findings, (report) => rule.check(model, report));
  return findings;
}
