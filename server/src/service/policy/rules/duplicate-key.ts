import { repeatedKeys } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'duplicate-key',
  severity: 'error',
  description: 'An object must not repeat a key: AWS rejects the policy (or silently keeps one of the values).',
  check(doc, _ctx, report) {
    for (const key of repeatedKeys(doc)) report({ offset: key.offset, length: key.length, message: `Duplicate key "${key.value}".` });
  },
};
