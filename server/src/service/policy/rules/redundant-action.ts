import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../../types';
import { wildcardMatch } from '../../catalog';
import { ACTION_ELEMENTS } from '../parse';
import type { PolicyRule } from './rule';

const ACTION_SHAPE = /^(\*|[^:\s]+:[^:\s]+)$/;

/** Whether every action of `value` is one that `pattern` names too. A wildcard inside `value` must meet a
 * `*` of `pattern` (a `?` of `pattern` cannot stand for it), which keeps the answer right for
 * pattern-in-pattern cases such as `s3:Get*Tagging` inside `s3:Get*`. */
const covers = (pattern: string, value: string) => wildcardMatch(pattern, value, { except: '*' });

/** Removes one element of an array together with the comma that separates it from a neighbour. */
function removeElement(siblings: Node[], index: number): TextEdit {
  const node = siblings[index];
  if (index > 0) {
    const previous = siblings[index - 1];
    const start = previous.offset + previous.length;
    return { offset: start, length: node.offset + node.length - start, newText: '' };
  }
  const next = siblings[index + 1];
  return { offset: node.offset, length: next.offset - node.offset, newText: '' };
}

export const rule: PolicyRule = {
  id: 'redundant-action',
  severity: 'hint',
  description: 'An action already covered by a wildcard action of the same list can be removed.',
  check(doc, _ctx, report) {
    for (const statement of doc.statements) {
      for (const key of ACTION_ELEMENTS) {
        const element = statement.members[key]?.value;
        if (element?.type !== 'array') continue;
        const siblings = element.children!;
        if (!siblings.some((n) => n.type === 'string' && /[*?]/.test(n.value))) continue;
        const values = siblings.map((n) => (n.type === 'string' && ACTION_SHAPE.test(String(n.value)) ? String(n.value) : undefined));
        const wildcards = values.filter((v): v is string => v !== undefined && /[*?]/.test(v));
        if (wildcards.length === 0) continue;
        values.forEach((value, index) => {
          if (value === undefined) return;
          // Equal values are duplicates, not one covering the other.
          const wider = wildcards.find((w) => w.toLowerCase() !== value.toLowerCase() && covers(w, value));
          if (wider === undefined) return;
          report({
            offset: siblings[index].offset,
            length: siblings[index].length,
            message: `"${value}" is already covered by "${wider}" in this ${key} list.`,
            unnecessary: true,
            fixes: [{ title: `Remove "${value}"`, preferred: true, edits: [removeElement(siblings, index)] }],
          });
        });
      }
    }
  },
};
