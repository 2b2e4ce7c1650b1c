import { BACKSLASH, QUOTE } from '../../charCodes';
import { thousands } from '../../text';
import type { PolicyRule } from './rule';

/** Characters IAM counts against its size quotas: everything but the JSON whitespace between tokens. */
function countedCharacters(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      count++;
      if (c === BACKSLASH) {
        count++;
        i++;
      } else if (c === QUOTE) inString = false;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      count++;
      if (c === QUOTE) inString = true;
    }
  }
  return count;
}
const TRUST_LIMIT = 2048;
const MANAGED_LIMIT = 6144;

export const rule: PolicyRule = {
  id: 'policy-size',
  severity: 'warning',
  description: 'The policy must fit IAM\'s size quota (whitespace not counted): 2,048 characters for a role trust policy, 6,144 for a managed policy.',
  check(doc, _ctx, report) {
    if (doc.root?.type !== 'object') return;
    const size = doc.size ?? countedCharacters(doc.text);
    const limit = doc.kind === 'trust' ? TRUST_LIMIT : MANAGED_LIMIT;
    if (size <= limit) return;
    report({
      offset: doc.root.offset,
      length: 1,
      message: {
        trust: `The trust policy is ${thousands(size)} characters without whitespace, over the default role trust policy quota of ${thousands(limit)} (it can be raised through Service Quotas).`,
        identity: `The policy is ${thousands(size)} characters without whitespace, over the ${thousands(limit)} quota of a managed policy (inline policies of a role may total 10,240): split it or use wildcards.`,
        resource: `The policy is ${thousands(size)} characters without whitespace, over the ${thousands(limit)} quota of an IAM managed policy: check the size quota of the service that stores this resource-based policy.`,
      }[doc.kind],
    });
  },
};
