import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-chain-duplicate',
  severity: 'warning',
  description: 'A role appears twice in a role chain: each role assumes the next, so a repeated role is almost always a copy-paste slip.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const role of statement.roles) {
        if (role.elements.length < 2) continue;
        const seen = new Map<string, number>();
        role.elements.forEach(({ arn, arnOffset: offset }, k) => {
          if (!arn) return;
          const first = seen.get(arn);
          if (first === undefined) {
            seen.set(arn, k + 1);
            return;
          }
          const name = arn.slice(arn.lastIndexOf('/') + 1);
          report({ offset, length: arn.length, message: `${name} is role ${first} and again role ${k + 1} of the chain: ${k + 1 === first + 1 ? 'a role would assume itself' : 'the chain goes round in a circle'}.` });
        });
      }
    }
  },
};
