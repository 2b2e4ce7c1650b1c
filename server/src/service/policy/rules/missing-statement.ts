import { didYouMean } from '../../text';
import { members } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'missing-statement',
  severity: 'error',
  description: 'A policy needs a Statement element holding a statement object or a non-empty array of statement objects.',
  check(doc, _ctx, report) {
    const root = doc.root;
    if (!root) return;
    // While the JSON is broken, an absent or empty Statement is most likely not typed yet.
    const typing = doc.syntaxErrors.length > 0;
    if (root.type !== 'object') {
      if (!typing) report({ offset: root.offset, length: 1, message: 'A policy must be a JSON object with a Statement element.' });
      return;
    }
    const statement = doc.top.get('Statement');
    if (!statement) {
      // A misspelt "Statements" or "statement" key is unknown-key's finding, with its rename fix.
      const misspelt = members(root).some((m) => didYouMean(m.key, ['Statement']));
      if (!typing && !misspelt) report({ offset: root.offset, length: 1, message: 'The policy has no Statement element: add "Statement" with one statement object or an array of them.' });
      return;
    }
    const value = statement.value;
    if (!value || value.type === 'object') return;
    if (value.type !== 'array') {
      report({ offset: value.offset, length: value.length, message: 'Statement must be a statement object or an array of statement objects.' });
      return;
    }
    const elements = value.children ?? [];
    if (elements.length === 0 && !typing) {
      report({ offset: value.offset, length: value.length, message: 'Statement is an empty array: a policy needs at least one statement.' });
    }
    for (const element of elements) {
      if (element.type !== 'object') report({ offset: element.offset, length: element.length, message: 'Each element of Statement must be a statement object ({ "Effect": …, "Action": …, … }).' });
    }
  },
};
