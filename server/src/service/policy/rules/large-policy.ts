import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'large-policy',
  severity: 'information',
  description: 'A policy with more statements than redshiftIam.maxStatements is checked in full only up to that many.',
  check(doc, _ctx, report) {
    if (!doc.truncated) return;
    const checked = doc.statements.length;
    report({
      offset: doc.truncated.firstSkipped.offset,
      length: 1,
      message: `This policy has ${doc.truncated.total} statements: the first ${checked} were checked in full, the rest only for JSON syntax and duplicate keys (setting redshiftIam.maxStatements).`,
    });
  },
};
