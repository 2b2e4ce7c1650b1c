import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'legacy-version',
  severity: 'hint',
  description: 'Version 2008-10-17 is the legacy policy language: policy variables are literal text there; use 2012-10-17.',
  check(doc, _ctx, report) {
    const value = doc.top.get('Version')?.value;
    if (value?.type !== 'string' || value.value !== '2008-10-17') return;
    report({
      offset: value.offset,
      length: value.length,
      message: 'Version 2008-10-17 is the legacy policy language, where policy variables such as ${aws:username} are literal text: use "2012-10-17".',
      fixes: [{ title: 'Change to "2012-10-17"', preferred: true, edits: [{ offset: value.offset, length: value.length, newText: '"2012-10-17"' }] }],
    });
  },
};
