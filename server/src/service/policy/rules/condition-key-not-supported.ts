import { type Action, Catalog } from '../../catalog';
import { conditionEntries } from '../conditions';
import { knownActionValues } from '../elements';
import type { PolicyRule } from './rule';

/** The condition keys an action supports, its own and those of its resource types: exact names in
 * lower case, and the tag-style keys (`s3:ExistingObjectTag/<key>`) as written in the catalogue. */
interface SupportedKeys { exact: Set<string>; tagStyle: string[] }

const keysByAction = new WeakMap<Action, SupportedKeys>();

function supportedKeys(catalog: Catalog, action: Action): SupportedKeys {
  let keys = keysByAction.get(action);
  if (!keys) {
    const all = [...action.conditionKeys, ...action.resourceTypes.flatMap((r) => catalog.resourceType(action.service, r.key)?.conditionKeys ?? [])];
    const tagStyle = all.filter((k) => /[$<]|\/tag-key$/.test(k));
    keys = { exact: new Set(all.filter((k) => !tagStyle.includes(k)).map((k) => k.toLowerCase())), tagStyle };
    keysByAction.set(action, keys);
  }
  return keys;
}

function supports(catalog: Catalog, action: Action, key: string): boolean {
  const keys = supportedKeys(catalog, action);
  return keys.exact.has(key.toLowerCase()) || (keys.tagStyle.length > 0 && Catalog.keyListed(key, keys.tagStyle));
}

export const rule: PolicyRule = {
  id: 'condition-key-not-supported',
  severity: 'warning',
  description: 'A service condition key must be supported by at least one action of its statement.',
  check(doc, { catalog }, report) {
    for (const statement of doc.statements) {
      const entries = conditionEntries(statement).filter((e) => {
        const prefix = e.key.key.slice(0, e.key.key.indexOf(':'));
        // Global keys apply to every request; keys of identity providers and unknown keys are other rules' business.
        return prefix.toLowerCase() !== 'aws' && catalog.service(prefix) && catalog.conditionKey(e.key.key)?.global === false;
      });
      if (entries.length === 0) continue;
      const values = knownActionValues(statement, catalog);
      if (!values) continue;
      for (const { key: { key, keyNode } } of entries) {
        if (values.some((v) => v.matches.some((a) => supports(catalog, a, key)))) continue;
        const written = [...new Set(values.map((v) => v.value))];
        const actionList = written.length <= 3 ? written.join(', ') : `${written.slice(0, 3).join(', ')} and ${written.length - 3} more`;
        const single = values.length === 1 && values[0].matches.length === 1;
        report({
          offset: keyNode.offset,
          length: keyNode.length,
          message: `Condition key "${key}" is not supported by ${single ? 'the action' : 'any action'} of this statement (${actionList}): it is never in the request context, so the condition does not test what it seems to.`,
        });
      }
    }
  },
};
