import { hasPrincipal, PRINCIPAL_ELEMENTS } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'principal-placement',
  severity: 'error',
  description: 'Identity policies must not name a Principal; every statement of a trust or resource-based policy must.',
  check(doc, _ctx, report) {
    for (const s of doc.statements) {
      if (doc.kind === 'identity') {
        for (const key of PRINCIPAL_ELEMENTS) {
          const m = s.members[key];
          if (m) report({ offset: m.keyNode.offset, length: m.keyNode.length, message: `${key} is not allowed in an identity policy: the identity the policy is attached to is the principal.` });
        }
      } else if (!hasPrincipal(s) && doc.syntaxErrors.length === 0) {
        report({
          offset: s.node.offset,
          length: 1,
          message: `The statement has no Principal: every statement of a ${doc.kind === 'trust' ? 'role trust' : 'resource-based'} policy must say who it applies to.`,
        });
      }
    }
  },
};
