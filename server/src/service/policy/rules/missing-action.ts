import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'missing-action',
  severity: 'error',
  description: 'Every statement needs an Action or a NotAction element.',
  check(doc, _ctx, report) {
    if (doc.syntaxErrors.length > 0) return;
    for (const s of doc.statements) {
      if (s.members.Action !== undefined || s.members.NotAction !== undefined) continue;
      report({ offset: s.node.offset, length: 1, message: 'The statement has no Action or NotAction: add the actions it allows or denies.' });
    }
  },
};
