import { conditionEntries } from '../conditions';
import { isAllow, principalValues } from '../elements';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'public-trust',
  severity: 'warning',
  description: 'An Allow statement must not trust every principal ("Principal": "*") without a Condition that narrows it.',
  check(doc, _ctx, report) {
    for (const statement of doc.statements) {
      if (!isAllow(statement)) continue;
      const everyone = principalValues(statement, 'AWS').filter((n) => n.value === '*');
      if (everyone.length === 0 || conditionEntries(statement).length > 0) continue;
      for (const node of everyone) {
        report({
          offset: node.offset,
          length: node.length,
          message: doc.kind === 'trust'
            ? 'Anyone in any AWS account can assume this role: name the accounts or roles that may assume it, or add a Condition such as aws:PrincipalOrgID.'
            : 'Anyone, including anonymous users, is allowed by this statement: name the principals, or add a Condition such as aws:PrincipalOrgID or aws:SourceVpce.',
        });
      }
    }
  },
};
