import type { Node } from 'jsonc-parser';
import { members } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'duplicate-key',
  severity: 'error',
  description: 'An object must not repeat a key: AWS rejects the policy (or silently keeps one of the values).',
  check(doc, _ctx, report) {
    const visit = (node: Node | undefined) => {
      if (!node) return;
      if (node.type === 'object') {
        const seen = new Set<string>();
        for (const m of members(node)) {
          if (seen.has(m.key)) report({ offset: m.keyNode.offset, length: m.keyNode.length, message: `Duplicate key "${m.key}".` });
          seen.add(m.key);
        }
      }
      node.children?.forEach(visit);
    };
    visit(doc.root);
  },
};
