import type { TextEdit } from '../../types';
import { type Member, RESOURCE_ELEMENTS, type Statement } from '../parse';
import type { PolicyRule } from './rule';

/** Deletes a member and one adjoining comma, so the object stays valid JSON: up to the next member when
 * there is one, else back to the end of the previous member. */
function removeMember(statement: Statement, m: Member): TextEdit {
  const siblings = statement.node.children ?? [];
  const index = siblings.indexOf(m.property);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  const end = m.property.offset + m.property.length;
  if (next) return { offset: m.property.offset, length: next.offset - m.property.offset, newText: '' };
  if (previous) return { offset: previous.offset + previous.length, length: end - (previous.offset + previous.length), newText: '' };
  return { offset: m.property.offset, length: m.property.length, newText: '' };
}

export const rule: PolicyRule = {
  id: 'trust-policy-elements',
  severity: 'error',
  description: 'A role trust policy must not contain Resource, NotResource or NotPrincipal.',
  check(doc, _ctx, report) {
    if (doc.kind !== 'trust') return;
    for (const s of doc.statements) {
      for (const key of RESOURCE_ELEMENTS) {
        const m = s.members[key];
        if (!m) continue;
        report({
          offset: m.keyNode.offset,
          length: m.keyNode.length,
          message: `A role trust policy cannot contain ${key}: the role itself is the resource.`,
          fixes: [{ title: `Remove ${key}`, preferred: true, edits: [removeMember(s, m)] }],
        });
      }
      const notPrincipal = s.members.NotPrincipal;
      if (notPrincipal) {
        report({
          offset: notPrincipal.keyNode.offset,
          length: notPrincipal.keyNode.length,
          message: 'A role trust policy cannot use NotPrincipal: name the principals allowed to assume the role with Principal.',
        });
      }
    }
  },
};
