import type { Node } from 'jsonc-parser';
import { conditionEntries } from '../conditions';
import { spanInString, stringNodes } from '../parse';
import type { PolicyRule } from './rule';

/** `${*}`, `${?}`, `${$}`, or a key such as `aws:username`, `aws:PrincipalTag/team`, `cognito-identity.amazonaws.com:sub`,
 * optionally with a quoted default: `${aws:username, 'anonymous'}`. */
const VARIABLE = /^(?:[*?$]|[A-Za-z0-9.-]+:[\w.-]+(?:\/[\w .:/=+@-]+)?(?:\s*,\s*'[^']*')?)$/;
const EXAMPLE = '${aws:username}';

interface Occurrence { start: number; length: number; text: string; problem?: string }

/** The `${…}` occurrences in a string, with what is wrong with their form, if anything. */
function variablesIn(value: string): Occurrence[] {
  const found: Occurrence[] = [];
  let start = value.indexOf('${');
  while (start >= 0) {
    const close = value.indexOf('}', start + 2);
    if (close < 0) {
      const text = value.slice(start);
      found.push({ start, length: text.length, text, problem: `The policy variable "${text}" is not closed: add "}".` });
      break;
    }
    const text = value.slice(start, close + 1);
    const inner = value.slice(start + 2, close);
    const problem = inner.trim() === ''
      ? `Empty policy variable "${text}": name a context key, such as ${EXAMPLE}.`
      : VARIABLE.test(inner) ? undefined
        : `"${text}" is not a policy variable: expected \${service:key} such as ${EXAMPLE}, optionally with a default (\${aws:username, 'anonymous'}), or one of \${*}, \${?}, \${$}.`;
    found.push({ start, length: text.length, text, problem });
    start = value.indexOf('${', close + 1);
  }
  return found;
}

/** Every string node under `node`: values and object keys. */
function strings(node: Node | undefined, into: Node[] = []): Node[] {
  if (!node) return into;
  if (node.type === 'string') into.push(node);
  for (const child of node.children ?? []) strings(child, into);
  return into;
}

export const rule: PolicyRule = {
  id: 'invalid-policy-variable',
  severity: 'error',
  description: 'Policy variables (${…}) must be well-formed, used only in Resource, NotResource and Condition values, and need Version 2012-10-17.',
  check(doc, _ctx, report) {
    if (!doc.text.includes('${')) return;
    const version = doc.top.get('Version')?.value;
    const literalReason = !version ? 'the policy has no Version' : version.value === '2008-10-17' ? 'the policy uses Version 2008-10-17' : undefined;
    for (const s of doc.statements) {
      // A variable needs a `$`, written as such or escaped: most statements have neither.
      const raw = doc.text.slice(s.node.offset, s.node.offset + s.node.length);
      if (!raw.includes('$') && !raw.includes('\\')) continue;
      const resolved = new Set<Node>([
        ...stringNodes(s.members.Resource?.value),
        ...stringNodes(s.members.NotResource?.value),
        ...conditionEntries(s).flatMap((e) => e.values),
      ]);
      for (const m of s.all) {
        for (const node of strings(m.value)) {
          for (const v of variablesIn(String(node.value))) {
            const message = v.problem
              ?? (!resolved.has(node)
                ? `Policy variables are not resolved in ${m.key === 'Condition' ? 'condition operators and keys' : m.key}: "${v.text}" is literal text here; use variables only in Resource, NotResource and Condition values.`
                : literalReason && `"${v.text}" is matched as literal text because ${literalReason}: set "Version": "2012-10-17" to use policy variables.`);
            if (message) report({ ...spanInString(doc.text, node, v.start, v.length), message });
          }
        }
      }
    }
  },
};
