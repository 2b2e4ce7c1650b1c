import type { Catalog } from '../../catalog';
import { didYouMean } from '../../text';
import { conditionEntries } from '../conditions';
import type { PolicyRule } from './rule';

/** Condition keys of one namespace (the part before the first colon): exact names, and the fixed heads
 * of tag-style keys (`aws:ResourceTag/` for `aws:ResourceTag/${TagKey}`). */
interface Namespace { names: Set<string>; heads: Set<string> }

interface KeyIndex {
  namespaces: Map<string, Namespace>;
  /** Exact keys by their lower-case name after the prefix, to correct a misspelt prefix. */
  byName: Map<string, Set<string>>;
}

const VARIABLE_PART = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/;
const indexByCatalog = new WeakMap<Catalog, KeyIndex>();

function keyIndex(catalog: Catalog): KeyIndex {
  let index = indexByCatalog.get(catalog);
  if (index) return index;
  const namespaces = new Map<string, Namespace>();
  const byName = new Map<string, Set<string>>();
  const namespace = (prefix: string) => {
    if (!namespaces.has(prefix)) namespaces.set(prefix, { names: new Set(), heads: new Set() });
    return namespaces.get(prefix)!;
  };
  const add = (key: string) => {
    const colon = key.indexOf(':');
    const ns = namespace(key.slice(0, colon).toLowerCase());
    const variable = VARIABLE_PART.exec(key);
    if (variable) {
      ns.heads.add(key.slice(0, variable.index));
      return;
    }
    ns.names.add(key);
    const name = key.slice(colon + 1).toLowerCase();
    if (!byName.has(name)) byName.set(name, new Set());
    byName.get(name)!.add(key);
  };
  for (const service of catalog.allServices()) for (const k of service.conditionKeys) add(k.key);
  for (const k of catalog.globalConditionKeys()) add(k.key);
  for (const prefix of catalog.serviceNames()) namespace(prefix);
  index = { namespaces, byName };
  indexByCatalog.set(catalog, index);
  return index;
}

/** The closest key of a known namespace: tag-style keys keep the user's tag name (`aws:ResourceTags/Project`
 * → `aws:ResourceTag/Project`). */
function closestKey(key: string, ns: Namespace): string | undefined {
  const slash = key.indexOf('/');
  if (slash >= 0 && slash < key.length - 1) {
    const head = didYouMean(key.slice(0, slash + 1), ns.heads);
    if (head) return head + key.slice(slash + 1);
  }
  return didYouMean(key, ns.names);
}

export const rule: PolicyRule = {
  id: 'unknown-condition-key',
  severity: 'warning',
  description: 'A condition key must be a global key or a key of a service in the IAM catalogue.',
  check(doc, { catalog }, report) {
    for (const statement of doc.statements) {
      for (const { key: { key, keyNode } } of conditionEntries(statement)) {
        if (catalog.conditionKey(key)) continue;
        // Built only now: the index covers every service, and most policies have no unknown key.
        const { namespaces, byName } = keyIndex(catalog);
        const colon = key.indexOf(':');
        const prefix = key.slice(0, Math.max(colon, 0));
        // Identity providers name their keys after their host (`token.actions.githubusercontent.com:sub`)
        // and define their own claims: the catalogue cannot judge them.
        if (/[./]/.test(prefix)) continue;
        let message: string;
        let suggestion: string | undefined;
        const ns = namespaces.get(prefix.toLowerCase());
        if (colon < 0) {
          suggestion = catalog.conditionKey(`aws:${key}`) ? `aws:${key}` : undefined;
          message = `Condition key "${key}" has no prefix: keys are written "aws:Name" or "service:Name"`;
        } else if (ns) {
          suggestion = closestKey(key, ns);
          message = `Unknown condition key "${key}"`;
        } else {
          // A misspelt prefix: the key of that name in the closest namespace, else the only key of that name.
          const namespace = didYouMean(prefix, namespaces.keys());
          const sameName = [...byName.get(key.slice(colon + 1).toLowerCase()) ?? []];
          suggestion = (namespace && closestKey(`${namespace}:${key.slice(colon + 1)}`, namespaces.get(namespace)!))
            ?? (sameName.length === 1 ? sameName[0] : undefined);
          message = `Unknown condition key "${key}": "${prefix}" is not a service prefix or a global key prefix`;
        }
        report({
          offset: keyNode.offset,
          length: keyNode.length,
          message: `${message}${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ offset: keyNode.offset, length: keyNode.length, newText: JSON.stringify(suggestion) }] }] : undefined,
        });
      }
    }
  },
};
