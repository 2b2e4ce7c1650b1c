import { parseOperator, suggestOperator } from '../conditions';
import { members } from '../parse';
import type { PolicyRule } from './rule';

const SCALARS = new Set(['string', 'number', 'boolean']);

export const rule: PolicyRule = {
  id: 'invalid-condition-operator',
  severity: 'error',
  description: 'Condition maps known condition operators (case-sensitive, optional IfExists and ForAllValues:/ForAnyValue:) to objects of condition keys and values.',
  check(doc, _ctx, report) {
    for (const s of doc.statements) {
      const condition = s.members.Condition?.value;
      if (!condition) continue;
      if (condition.type !== 'object') {
        report({ offset: condition.offset, length: condition.length, message: 'Condition must be an object such as { "StringEquals": { "aws:PrincipalTag/team": "data" } }.' });
        continue;
      }
      for (const operator of members(condition)) {
        const name = operator.key;
        if (!parseOperator(name)) {
          const suggestion = suggestOperator(name);
          const nullIfExists = name === 'NullIfExists' || name.endsWith(':NullIfExists');
          report({
            offset: operator.keyNode.offset,
            length: operator.keyNode.length,
            message: nullIfExists
              ? 'IfExists cannot be added to the Null operator: Null itself tests whether the key exists.'
              : `Unknown condition operator "${name}"${suggestion ? `: did you mean "${suggestion}"?` : ': expected an operator such as StringEquals, ArnLike or Bool, optionally with IfExists or a ForAllValues:/ForAnyValue: prefix.'}`,
            fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ offset: operator.keyNode.offset, length: operator.keyNode.length, newText: JSON.stringify(suggestion) }] }] : undefined,
          });
        }
        const block = operator.value;
        if (!block) continue;
        if (block.type !== 'object') {
          report({ offset: block.offset, length: block.length, message: `The value of ${name} must be an object mapping condition keys to values.` });
          continue;
        }
        for (const key of members(block)) {
          const value = key.value;
          if (!value) continue;
          const elements = value.type === 'array' ? value.children ?? [] : [value];
          for (const element of elements) {
            if (SCALARS.has(element.type)) continue;
            report({ offset: element.offset, length: element.length, message: `The value of condition key "${key.key}" must be a string, number or boolean, or an array of them.` });
          }
        }
      }
    }
  },
};
