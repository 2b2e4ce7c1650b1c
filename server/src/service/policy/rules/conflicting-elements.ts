import type { PolicyRule } from './rule';

const PAIRS = [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']] as const;

export const rule: PolicyRule = {
  id: 'conflicting-elements',
  severity: 'error',
  description: 'A statement must not hold both Action and NotAction, Resource and NotResource, or Principal and NotPrincipal.',
  check(doc, _ctx, report) {
    for (const s of doc.statements) {
      for (const [positive, negative] of PAIRS) {
        const a = s.members[positive];
        const b = s.members[negative];
        if (!a || !b) continue;
        const [first, second] = a.keyNode.offset < b.keyNode.offset ? [a, b] : [b, a];
        report({
          offset: second.keyNode.offset,
          length: second.keyNode.length,
          message: `A statement cannot have both ${first.key} and ${second.key}: keep one of them.`,
        });
      }
    }
  },
};
