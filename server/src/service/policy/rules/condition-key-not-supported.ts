import { type Action, Catalog } from '../../catalog';
import { actionValues, conditionEntries, knownActions } from '../elements';
import type { PolicyRule } from './rule';

/** The condition keys an action supports: its own and those of its resource types, in catalogue
 * notation (`s3:ExistingObjectTag/<key>`). */
const keysByAction = new WeakMap<Action, string[]>();

function supportedKeys(catalog: Catalog, action: Action): string[] {
  let keys = keysByAction.get(action);
  if (!keys) {
    keys = [...new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((r) => catalog.resourceType(action.service, r.key)?.conditionKeys ?? [])])];
    keysByAction.set(action, keys);
  }
  return keys;
}

export const rule: PolicyRule = {
  id: 'condition-key-not-supported',
  severity: 'warning',
  description: 'A service condition key must be supported by at least one action of its statement.',
  check(doc, { catalog }, report) {
    for (const statement of doc.statements) {
      const entries = conditionEntries(statement).filter((e) => {
        const prefix = e.key.slice(0, e.key.indexOf(':'));
        // Global keys apply to every request; keys of identity providers and unknown keys are other rules' business.
        return prefix.toLowerCase() !== 'aws' && catalog.service(prefix) && catalog.conditionKey(e.key)?.global === false;
      });
      if (entries.length === 0) continue;
      const actions = knownActions(statement, catalog);
      if (!actions) continue;
      const supported = new Set(actions.flatMap((a) => supportedKeys(catalog, a)));
      const exact = new Set([...supported].map((k) => k.toLowerCase()));
      const tagStyle = [...supported].filter((k) => /[$<]|\/tag-key$/.test(k));
      const written = [...new Set(actionValues(statement, 'Action', catalog).map((v) => v.value))];
      const actionList = written.length <= 3 ? written.join(', ') : `${written.slice(0, 3).join(', ')} and ${written.length - 3} more`;
      for (const { key, keyNode } of entries) {
        if (exact.has(key.toLowerCase()) || Catalog.keyListed(key, tagStyle)) continue;
        report({
          offset: keyNode.offset,
          length: keyNode.length,
          message: `Condition key "${key}" is not supported by ${actions.length === 1 ? 'the action' : 'any action'} of this statement (${actionList}): it is never in the request context, so the condition does not test what it seems to.`,
        });
      }
    }
  },
};
