import { didYouMean } from '../../text';
import { members, STATEMENT_ELEMENTS } from '../parse';
import type { PolicyRule } from './rule';

export const TOP_LEVEL_KEYS = ['Version', 'Id', 'Statement'];

export const rule: PolicyRule = {
  id: 'unknown-key',
  severity: 'error',
  description: 'Only Version, Id and Statement may appear at the top level, and only the IAM statement elements inside a statement.',
  check(doc, _ctx, report) {
    const check = (objectMembers: ReturnType<typeof members>, known: readonly string[], where: string) => {
      for (const m of objectMembers) {
        if (known.includes(m.key)) continue;
        const suggestion = known.find((k) => k.toLowerCase() === m.key.toLowerCase()) ?? didYouMean(m.key, known)
          ?? (m.key.endsWith('s') ? known.find((k) => k === m.key.slice(0, -1)) : undefined);
        report({
          offset: m.keyNode.offset,
          length: m.keyNode.length,
          message: `Unknown ${where} key "${m.key}"${suggestion ? `: did you mean "${suggestion}"?` : `; expected one of ${known.join(', ')}.`}`,
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ offset: m.keyNode.offset, length: m.keyNode.length, newText: JSON.stringify(suggestion) }] }] : undefined,
        });
      }
    };
    check(members(doc.root), TOP_LEVEL_KEYS, 'top-level');
    for (const s of doc.statements) check(s.all, STATEMENT_ELEMENTS, 'statement');
  },
};
