import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../../types';
import { ACTION_ELEMENTS } from '../parse';
import type { PolicyRule } from './rule';

const ACTION_SHAPE = /^(\*|[^:\s]+:[^:\s]+)$/;

/** Matches the values whose every action `pattern` also names. A wildcard inside such a value must
 * meet a `*` of `pattern` (a `?` of `pattern` cannot stand for it), which keeps the answer right for
 * pattern-in-pattern cases such as `s3:Get*Tagging` inside `s3:Get*`. */
function coverRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '[^*]');
  return new RegExp(`^${body}$`, 'i');
}

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
        const wildcards = values.filter((v): v is string => v !== undefined && /[*?]/.test(v)).map((v) => ({ value: v, re: coverRegExp(v) }));
        if (wildcards.length === 0) continue;
        values.forEach((value, index) => {
          if (value === undefined) return;
          // Equal values are duplicates, not one covering the other.
          const wider = wildcards.find((w) => w.value.toLowerCase() !== value.toLowerCase() && w.re.test(value))?.value;
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
