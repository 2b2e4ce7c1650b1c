import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'missing-resource',
  severity: 'error',
  description: 'Statements of identity and resource-based policies need a Resource or NotResource element (trust policies have none).',
  check(doc, _ctx, report) {
    if (doc.kind === 'trust' || doc.syntaxErrors.length > 0) return;
    for (const s of doc.statements) {
      if (s.members.Resource !== undefined || s.members.NotResource !== undefined) continue;
      report({
        offset: s.node.offset,
        length: 1,
        message: `The statement has no Resource or NotResource: ${doc.kind === 'identity' ? 'an identity' : 'a resource-based'} policy statement must name the resources it covers ("*" for all).`,
      });
    }
  },
};
