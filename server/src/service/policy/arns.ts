/** Where ARNs appear in a policy, and what the catalogue says about their shape. */
import type { Node } from 'jsonc-parser';
import { Arn, ArnShape, arnShapeOfTemplates, looksLikeArn, parseArn, templateResourceRegExp } from '../arn';
import type { Catalog, ResourceType } from '../catalog';
import { conditionEntries, parseOperator } from './conditions';
import { members, type PolicyDocument, PRINCIPAL_ELEMENTS, RESOURCE_ELEMENTS, stringNodes } from './parse';

/** Condition keys whose values are ARNs whatever the operator. */
const ARN_KEYS = new Set(['aws:sourcearn', 'aws:principalarn']);

export type ArnPlace = 'resource' | 'principal' | 'condition';

export interface ArnValue { node: Node; text: string; place: ArnPlace }

/** The strings of a policy that must be ARNs: every Resource/NotResource string, and the ARN-looking
 * strings among AWS principals and the values of Arn* operators, `aws:SourceArn` and `aws:PrincipalArn`. */
export function arnValues(doc: PolicyDocument): ArnValue[] {
  let values = arnValuesOf.get(doc);
  if (!values) arnValuesOf.set(doc, (values = collectArnValues(doc)));
  return values;
}

/** Each document's ARN values, collected once for the rules that read them. */
const arnValuesOf = new WeakMap<PolicyDocument, ArnValue[]>();

function collectArnValues(doc: PolicyDocument): ArnValue[] {
  const values: ArnValue[] = [];
  const add = (nodes: Node[], place: ArnPlace, onlyArnLooking: boolean) => {
    for (const node of nodes) {
      const text = String(node.value);
      if (!onlyArnLooking || looksLikeArn(text)) values.push({ node, text, place });
    }
  };
  for (const statement of doc.statements) {
    for (const key of RESOURCE_ELEMENTS) add(stringNodes(statement.members[key]?.value), 'resource', false);
    for (const key of PRINCIPAL_ELEMENTS) {
      const aws = members(statement.members[key]?.value).find((m) => m.key === 'AWS');
      add(stringNodes(aws?.value), 'principal', true);
    }
    for (const { operator, key, values: nodes } of conditionEntries(statement)) {
      if (parseOperator(operator.key)?.type === 'Arn' || ARN_KEYS.has(key.key.toLowerCase())) add(nodes.filter((n) => n.type === 'string'), 'condition', true);
    }
  }
  return values;
}

const shapeCache = new WeakMap<Catalog, Map<string, ArnShape | undefined>>();

/** A lookup of each service's ARN shape (global service, account needed), from the catalogue's templates. */
export function arnShapeLookup(catalog: Catalog): (service: string) => ArnShape | undefined {
  let cache = shapeCache.get(catalog);
  if (!cache) shapeCache.set(catalog, (cache = new Map()));
  const shapes = cache;
  return (service) => {
    if (!shapes.has(service)) shapes.set(service, arnShapeOfTemplates(catalog.service(service)?.resourceTypes.map((r) => r.arn) ?? []));
    return shapes.get(service);
  };
}

/** The catalogue resource type an ARN names, judged by its resource part: the matching template with the
 * most literal text wins, so `accesspoint/x` is an access point rather than an object `x` in bucket `accesspoint`. */
export function resourceTypeOf(catalog: Catalog, arn: Arn): { type: ResourceType; template: Arn } | undefined {
  let best: { type: ResourceType; template: Arn; literal: number } | undefined;
  for (const type of catalog.service(arn.service.text)?.resourceTypes ?? []) {
    const template = parseArn(type.arn);
    if (!template || template.service.text !== arn.service.text.toLowerCase()) continue;
    const resource = templateResource(template.resource.text);
    if (!resource.regExp.test(arn.resource.text)) continue;
    if (!best || resource.literal > best.literal) best = { type, template, literal: resource.literal };
  }
  return best && { type: best.type, template: best.template };
}

/** The resource part of each catalogue template as a regular expression, and how much literal text it
 * holds; built once per template, as every ARN of a service is compared with all its templates. */
const templateResources = new Map<string, { regExp: RegExp; literal: number }>();
function templateResource(resource: string): { regExp: RegExp; literal: number } {
  let compiled = templateResources.get(resource);
  if (!compiled) {
    compiled = { regExp: templateResourceRegExp(resource), literal: resource.replace(/\$\{[^}]*\}/g, '').length };
    templateResources.set(resource, compiled);
  }
  return compiled;
}
