import { didYouMean } from '../../text';
import type { PolicyRule } from './rule';

const EFFECTS = ['Allow', 'Deny'];

export const rule: PolicyRule = {
  id: 'invalid-effect',
  severity: 'error',
  description: 'Every statement needs an Effect that is exactly "Allow" or "Deny" (case-sensitive).',
  check(doc, _ctx, report) {
    for (const s of doc.statements) {
      const effect = s.members.Effect;
      if (!effect) {
        if (doc.syntaxErrors.length === 0) report({ offset: s.node.offset, length: 1, message: 'The statement has no Effect: add "Effect": "Allow" or "Effect": "Deny".' });
        continue;
      }
      const value = effect.value;
      if (!value || (value.type === 'string' && EFFECTS.includes(value.value))) continue;
      if (value.type !== 'string') {
        report({ offset: value.offset, length: value.length, message: 'Effect must be the string "Allow" or "Deny".' });
        continue;
      }
      const text = String(value.value);
      const suggestion = EFFECTS.find((e) => e.toLowerCase() === text.toLowerCase()) ?? didYouMean(text, EFFECTS);
      report({
        offset: value.offset,
        length: value.length,
        message: suggestion?.toLowerCase() === text.toLowerCase()
          ? `Effect "${text}" is not valid: Effect is case-sensitive, write "${suggestion}".`
          : `Effect "${text}" is not valid: ${suggestion ? `did you mean "${suggestion}"?` : 'expected "Allow" or "Deny".'}`,
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ offset: value.offset, length: value.length, newText: JSON.stringify(suggestion) }] }] : undefined,
      });
    }
  },
};
