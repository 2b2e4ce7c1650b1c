import { isQuotedKeyword, ROLE_CLAUSES, type RoleValue } from '../roles';
import type { SqlRule } from './rule';

/** How the clause holding a role is written, for messages. */
export function roleClauseLabel(role: Pick<RoleValue, 'inCredentials'> & { clause: { name: string } }): string {
  if (role.inCredentials) return 'aws_iam_role';
  return role.clause.name === 'ON' ? 'ASSUMEROLE ON' : role.clause.name;
}

const ROLE_WORDS = new Set(['DEFAULT', 'SESSION']);

export const rule: SqlRule = {
  id: 'iam-role-arn',
  severity: 'error',
  description: 'Every role named by IAM_ROLE, CATALOG_ROLE, GRANT ASSUMEROLE or aws_iam_role must be the ARN of an IAM role: arn:aws:iam::<12-digit account>:role/<name>.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (!value || value.kind !== 'word' || !ROLE_CLAUSES.has(clause.name)) continue;
        const word = value.value.toUpperCase();
        if (ROLE_WORDS.has(word) || (word === 'ALL' && clause.name === 'ON')) continue;
        report({
          offset: value.start,
          length: value.end - value.start,
          message: `${roleClauseLabel({ clause, inCredentials: false })} needs default or the quoted ARN of a role, not the bare word "${value.value}".`,
        });
      }
      for (const role of statement.roles) {
        const label = roleClauseLabel(role);
        const elements = role.elements;
        for (const { arn, arnOffset: offset, facts } of elements) {
          if (arn === '' || facts.placeholder || (elements.length === 1 && isQuotedKeyword(arn))) continue;
          const isArn = facts.looksLikeArn;
          const prefix = isArn ? undefined : /^aws_iam_role=/i.exec(arn)?.[0];
          if (prefix) {
            report({
              offset,
              length: prefix.length,
              message: `${label} takes the role ARN itself: "aws_iam_role=" belongs in a CREDENTIALS string.`,
              fixes: [{ title: 'Remove "aws_iam_role="', edits: [{ offset, length: prefix.length, newText: '' }], preferred: true }],
            });
            continue;
          }
          if (!isArn) {
            report({
              offset,
              length: arn.length,
              message: /^\d+$/.test(arn)
                ? `${label} needs a role ARN, not the account ID "${arn}": expected arn:aws:iam::${arn}:role/<name>.`
                : `${label} needs the ARN of a role, not "${arn}": expected arn:aws:iam::<12-digit account>:role/${/^[\w+=,.@-]+$/.test(arn) ? arn : '<name>'}.`,
            });
            continue;
          }
          for (const p of facts.problems) {
            if (facts.namePlaceholder && p.start === facts.nameStart) continue;
            report({ offset: offset + p.start, length: p.length, message: p.message });
          }
        }
      }
    }
  },
};
