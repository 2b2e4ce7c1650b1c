import type { TextEdit } from '../../types';
import { isPlaceholderText } from '../roles';
import type { Clause, SqlStatement } from '../statements';
import type { SqlRule } from './rule';

export const ROLE_PLACEHOLDER = 'arn:aws:iam::<account-id>:role/<role-name>';

/** The clauses that hold key material by themselves (CREDENTIALS is judged by its pairs). */
const KEY_CLAUSES = new Set(['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'TOKEN']);

const holdsKeys = (c: Clause) => KEY_CLAUSES.has(c.name) || (c.pairs?.some((p) => p.key !== 'aws_iam_role' && p.key !== 'master_symmetric_key' && p.hasEquals) ?? false);

/** Secret material written in a value: a literal that is neither templated nor a placeholder. */
function literalSecret(text: string | undefined, templated: boolean): boolean {
  return text !== undefined && text.trim() !== '' && !templated && !isPlaceholderText(text);
}

/** Replaces the key clauses by one IAM_ROLE clause holding a placeholder ARN (a root symmetric key inside
 * CREDENTIALS is kept as MASTER_SYMMETRIC_KEY). Each removed clause takes the blank before it along. */
function replaceKeysByRole(model: { text: string }, statement: SqlStatement, clauses: Clause[]): TextEdit[] {
  const rootKey = clauses.flatMap((c) => c.pairs ?? []).find((p) => p.key === 'master_symmetric_key');
  let replacement = `IAM_ROLE ${statement.literal(ROLE_PLACEHOLDER)}`;
  if (rootKey) replacement += ` MASTER_SYMMETRIC_KEY ${statement.literal(rootKey.value)}`;
  return clauses.map((clause, k) => {
    if (k === 0) return { offset: clause.start, length: clause.end - clause.start, newText: replacement };
    const previous = statement.tokens[statement.tokens.findIndex((t) => t.start >= clause.start) - 1];
    const from = previous && /^\s*$/.test(model.text.slice(previous.end, clause.start)) ? previous.end : clause.start;
    return { offset: from, length: clause.end - from, newText: '' };
  });
}

export const rule: SqlRule = {
  id: 'plaintext-secret',
  severity: 'warning',
  description: 'Access keys written in SQL can be read by anyone who sees the script or the query history; authorize with an IAM role instead.',
  check(model, report) {
    for (const statement of model.statements) {
      // Most statements hold no keys: the lists are made only for those that do.
      if (!statement.clauses.some(holdsKeys)) continue;
      const keyClauses = statement.clauses.filter(holdsKeys);
      // The secret is the sensitive part; point at it, or else at the key ID or the token.
      const candidates: { offset: number; length: number; secret: boolean }[] = [];
      for (const clause of keyClauses) {
        const value = clause.value;
        if (!value) continue;
        if (clause.name === 'CREDENTIALS') {
          for (const pair of clause.pairs ?? []) {
            if (['aws_secret_access_key', 'aws_access_key_id', 'token'].includes(pair.key) && literalSecret(pair.value, value.templated)) {
              candidates.push({ offset: pair.valueOffset, length: pair.value.length, secret: pair.key === 'aws_secret_access_key' });
            }
          }
        } else if (literalSecret(value.value, value.templated)) {
          candidates.push({ offset: value.offset, length: value.text.length, secret: clause.name === 'SECRET_ACCESS_KEY' });
        }
      }
      if (!candidates.length) continue;
      const target = candidates.find((c) => c.secret) ?? candidates[0];
      report({
        offset: target.offset,
        length: target.length,
        message: 'Plain-text AWS access keys in SQL: anyone who can read this script or the query history can use them. AWS recommends role-based authorization: IAM_ROLE with a role attached to the cluster.',
        fixes: [{ title: 'Replace the access keys with IAM_ROLE', edits: replaceKeysByRole(model, statement, keyClauses) }],
      });
    }
  },
};
