/** The registry of every rule, policy and SQL, with the link to its documentation page. */
import { POLICY_RULES } from './policy/rules';
import { SQL_RULES } from './sql/rules';
import type { RuleMeta } from './types';

export const DOCS_BASE = 'https://github.com/redshift-iam/redshift-iam/blob/main/docs/rules/';

export const ALL_RULES: RuleMeta[] = [...POLICY_RULES, ...SQL_RULES].map(({ id, severity, description }) => ({ id, severity, description }));
const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
