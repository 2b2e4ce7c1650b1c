import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'invalid-sid',
  severity: 'error',
  description: 'Sid must be a string of ASCII letters and digits, unique within the policy.',
  check(doc, _ctx, report) {
    const seen = new Set<string>();
    for (const s of doc.statements) {
      const value = s.members.Sid?.value;
      if (!value) continue;
      if (value.type !== 'string') {
        report({ offset: value.offset, length: value.length, message: 'Sid must be a string of letters and digits.' });
        continue;
      }
      const sid = String(value.value);
      // IAM enforces the character set; services with resource-based policies have their own Sid rules.
      if (doc.kind !== 'resource' && !/^[A-Za-z0-9]*$/.test(sid)) {
        const cleaned = sid.replace(/[^A-Za-z0-9]/g, '');
        report({
          offset: value.offset,
          length: value.length,
          message: `Sid "${sid}" may contain only ASCII letters (A-Z, a-z) and digits (0-9).`,
          fixes: cleaned ? [{ title: `Change to "${cleaned}"`, edits: [{ offset: value.offset, length: value.length, newText: JSON.stringify(cleaned) }] }] : undefined,
        });
      } else if (sid !== '' && seen.has(sid)) {
        report({ offset: value.offset, length: value.length, message: `Sid "${sid}" is already used by an earlier statement: each Sid must be unique within the policy.` });
      }
      seen.add(sid);
    }
  },
};
