import { editDistance } from '../../text';
import { VERSIONS } from '../parse';
import type { PolicyRule } from './rule';

const CURRENT = '2012-10-17';

/** A number, or a string one or two typos away from a real version ("2012-10-18", "2012/10/17"). */
function looksLikeVersion(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  return VERSIONS.some((v) => value.replace(/\D/g, '') === v.replace(/\D/g, '') || editDistance(value, v) <= 2);
}

export const rule: PolicyRule = {
  id: 'invalid-version',
  severity: 'error',
  description: 'Version must be the string "2012-10-17" (or the legacy "2008-10-17"): IAM rejects any other value.',
  check(doc, _ctx, report) {
    const value = doc.top.get('Version')?.value;
    if (!value || (value.type === 'string' && VERSIONS.includes(value.value))) return;
    const article = value.type === 'array' || value.type === 'object' ? 'an' : 'a';
    const message = value.type === 'string' ? `Version "${value.value}" is not a policy language version: expected "${CURRENT}".`
      : value.type === 'number' ? `Version must be a string: write "${CURRENT}", not the number ${value.value}.`
        : `Version must be the string "${CURRENT}", not ${value.type === 'null' ? 'null' : `${article} ${value.type}`}.`;
    report({
      offset: value.offset,
      length: value.length,
      message,
      fixes: looksLikeVersion(value.value)
        ? [{ title: `Change to "${CURRENT}"`, preferred: true, edits: [{ offset: value.offset, length: value.length, newText: JSON.stringify(CURRENT) }] }]
        : undefined,
    });
  },
};
