import type { Node } from 'jsonc-parser';
import type { PolicyRule } from './rule';

/** Objects of a policy hold a few keys. */
const FEW_KEYS = 16;

export const rule: PolicyRule = {
  id: 'duplicate-key',
  severity: 'error',
  description: 'An object must not repeat a key: AWS rejects the policy (or silently keeps one of the values).',
  check(doc, _ctx, report) {
    const visit = (node: Node | undefined) => {
      if (!node) return;
      if (node.type === 'object') {
        const properties = node.children!;
        const keyOf = (k: number): Node | undefined => {
          const key = properties[k].children?.[0];
          return key?.type === 'string' ? key : undefined;
        };
        const repeated = (key: Node) => report({ offset: key.offset, length: key.length, message: `Duplicate key "${key.value}".` });
        if (properties.length <= FEW_KEYS) {
          // Comparing each key with the ones before it beats building a set.
          for (let k = 1; k < properties.length; k++) {
            const key = keyOf(k);
            for (let j = 0; key && j < k; j++) {
              if (keyOf(j)?.value === key.value) {
                repeated(key);
                break;
              }
            }
          }
        } else {
          const seen = new Set<string>();
          for (let k = 0; k < properties.length; k++) {
            const key = keyOf(k);
            if (!key) continue;
            if (seen.has(key.value)) repeated(key);
            seen.add(key.value);
          }
        }
      }
      node.children?.forEach(visit);
    };
    visit(doc.root);
  },
};
