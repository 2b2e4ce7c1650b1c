import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'prefer-iam-role',
  severity: 'hint',
  description: "CREDENTIALS 'aws_iam_role=…' is the legacy form of IAM_ROLE '…', which AWS recommends.",
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (clause.name !== 'CREDENTIALS' || !value || value.templated || value.kind === 'template' || /\s/.test(value.text)) continue;
        const pairs = (clause.pairs ?? []).filter((p) => p.segment !== '');
        const role = pairs.find((p) => p.key === 'aws_iam_role');
        const rootKey = pairs.find((p) => p.key === 'master_symmetric_key');
        if (!role || !role.value || pairs.length !== 1 + (rootKey ? 1 : 0)) continue;
        let replacement = `IAM_ROLE ${statement.literal(role.value)}`;
        if (rootKey) replacement += ` MASTER_SYMMETRIC_KEY ${statement.literal(rootKey.value)}`;
        report({
          offset: clause.keyword.start,
          length: clause.keyword.end - clause.keyword.start,
          message: `Write IAM_ROLE '<role ARN>' instead of CREDENTIALS 'aws_iam_role=<role ARN>'${rootKey ? ' (and MASTER_SYMMETRIC_KEY for the key)' : ''}.`,
          fixes: [{ title: 'Rewrite as IAM_ROLE', edits: [{ offset: clause.start, length: clause.end - clause.start, newText: replacement }], preferred: true }],
        });
      }
    }
  },
};
