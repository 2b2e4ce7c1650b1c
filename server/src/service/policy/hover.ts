/** Hovers in IAM policies: what an action, a wildcard, a condition operator or key, an ARN or a
 * principal means, from the catalogue. */
import { findNodeAtOffset, getNodePath, Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { Arn, looksLikeArn, parseArn } from '../arn';
import { Catalog, type Action } from '../catalog';
import { resourceTypeOf } from './arns';
import { parseOperator } from './conditions';
import { matchedActions } from './elements';
import { ELEMENT_DOCS, operatorDoc, PRINCIPAL_TYPE_DOCS, serviceReferenceUrl } from './grammar';
import { keysOf } from './location';
import type { PolicyDocument } from './parse';
import { knownServicePrincipals } from './principals';
import { escapeRegExp } from '../text';

export interface PolicyHoverContext { catalog: Catalog }

const WILDCARD_SAMPLE = 10;

/** Markdown about an Action value: one action, a wildcard over a service's actions, a service prefix, `*`. */
export function actionMarkdown(value: string, catalog: Catalog): string | undefined {
  if (value === '*') return '**`*`**: every action of every service.';
  const colon = value.indexOf(':');
  const service = colon > 0 ? catalog.service(value.slice(0, colon)) : catalog.service(value);
  if (!service) return undefined;
  const reference = `[${service.name} in the Service Authorization Reference](${serviceReferenceUrl(service.name)})`;
  if (colon < 0) return `**${service.prefix}**: ${service.name}, ${service.actions.length} actions.\n\n${reference}`;
  const pattern = value.slice(colon + 1);
  const actions = matchedActions(catalog, service.prefix, pattern);
  if (/[*?]/.test(pattern)) {
    const levels = countBy(actions.flatMap((a) => a.accessLevels));
    const sample = actions.slice(0, WILDCARD_SAMPLE).map((a) => `\`${a.name}\``).join(', ');
    return [
      `**${value}** matches ${actions.length} of the ${service.actions.length} ${service.name} actions${levels ? ` (${levels})` : ''}.`,
      actions.length ? `${sample}${actions.length > WILDCARD_SAMPLE ? `, … and ${actions.length - WILDCARD_SAMPLE} more` : ''}.` : '',
      reference,
    ].filter(Boolean).join('\n\n');
  }
  const [action] = actions;
  return action ? describeAction(action, service.prefix, reference) : undefined;
}

function describeAction(action: Action, prefix: string, reference: string): string {
  const lines = [`**${prefix}:${action.name}** · ${action.accessLevels.join(', ') || 'no access level'}`, action.description];
  if (action.resourceTypes.length) lines.push(`**Resource types:** ${action.resourceTypes.map((r) => `\`${r.key}\`${r.required ? ' (required)' : ''}`).join(', ')}`);
  else lines.push('**Resource types:** none: use `"Resource": "*"`.');
  if (action.conditionKeys.length) lines.push(`**Condition keys:** ${action.conditionKeys.map((k) => `\`${k}\``).join(', ')}`);
  if (action.dependentActions.length) lines.push(`**Dependent actions:** ${action.dependentActions.map((k) => `\`${k}\``).join(', ')}`);
  lines.push(reference);
  return lines.join('\n\n');
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v} ${n}`).join(', ');
}

/** The values of a template's variables in a resource: `cluster:${ClusterName}` over `cluster:prod` → ClusterName=prod. */
function templateValues(template: string, resource: string): [string, string][] {
  const names: string[] = [];
  const body = template.split(/(\$\{[^}]*\})/).map((part) => {
    const name = /^\$\{([^}]*)\}$/.exec(part)?.[1];
    if (name === undefined) return escapeRegExp(part);
    names.push(name);
    return '(.+)';
  }).join('');
  const m = new RegExp(`^${body}$`).exec(resource);
  return m ? names.map((n, i) => [n, m[i + 1]]) : [];
}

/** What the resource part of an ARN names, in words. */
function resourceMeaning(arn: Arn, catalog: Catalog): string | undefined {
  const service = arn.service.text;
  const resource = arn.resource.text;
  const named = /^(role|user)(\/.*)?\/([^/]*)$/.exec(resource);
  if (service === 'iam' && named) return `IAM ${named[1]} \`${named[3]}\`, path \`${named[2] ?? ''}/\``;
  if (service === 'iam' && resource === 'root') return 'The account itself (root)';
  const found = resourceTypeOf(catalog, arn);
  if (!found) return undefined;
  const values = templateValues(found.template.resource.text, resource);
  if (service === 'redshift' && found.type.key === 'dbuser' && values.length === 2) {
    return `Redshift database user \`${values[1][1]}\` in cluster \`${values[0][1]}\``;
  }
  const parts = values.map(([name, value]) => `${name} \`${value}\``).join(', ');
  return `${catalog.service(service)?.name ?? service} \`${found.type.key}\`${parts ? `: ${parts}` : ''}`;
}

function arnHover(text: string, catalog: Catalog): string | undefined {
  const arn = parseArn(text);
  if (!arn) return undefined;
  const show = (value: string, empty: string) => (value === '' ? `_(empty: ${empty})_` : `\`${value}\``);
  const serviceName = catalog.service(arn.service.text)?.name;
  const meaning = resourceMeaning(arn, catalog);
  return [
    meaning ? `**${meaning}**` : '**ARN**',
    [
      `- partition: ${show(arn.partition.text, 'missing')}`,
      `- service: ${show(arn.service.text, 'missing')}${serviceName ? ` (${serviceName})` : ''}`,
      `- region: ${show(arn.region.text, 'global resource')}`,
      `- account: ${show(arn.account.text, 'no account in this ARN')}`,
      `- resource: ${show(arn.resource.text, 'missing')}`,
    ].join('\n'),
  ].join('\n\n');
}

function principalHover(type: string, text: string, catalog: Catalog): string | undefined {
  if (type === 'AWS') {
    if (text === '*') return '**Every principal**: any AWS account, user, role or anonymous caller, unless a Condition narrows it.';
    const account = /^\d{12}$/.test(text) ? text : /^arn:[\w-]+:iam::(\d{12}):root$/.exec(text)?.[1];
    if (account) return `**AWS account \`${account}\`**: trusts the account, so any of its users and roles that the account's own IAM policies allow.`;
    if (!looksLikeArn(text)) return undefined;
    const arn = parseArn(text);
    const session = arn?.service.text === 'sts' ? /^assumed-role\/([^/]+)\/(.+)$/.exec(arn.resource.text) : undefined;
    const lead = session ? `**Session \`${session[2]}\` of role \`${session[1]}\`** in account \`${arn!.account.text}\`.` : undefined;
    return [lead, arnHover(text, catalog)].filter(Boolean).join('\n\n');
  }
  if (type === 'Service') {
    const known = knownServicePrincipals(catalog).get(text.toLowerCase());
    if (!known) return `**\`${text}\`** is not a known service principal.`;
    const service = known.prefix ? catalog.service(known.prefix)?.name : undefined;
    const who = service ? `**Service principal of ${service}**${known.region ? ` in ${known.region}` : ''}` : `**Service principal \`${known.principal}\`** (${known.description})`;
    return `${who}: the service itself, acting for you (for example, assuming this role).`;
  }
  if (type === 'Federated') {
    const provider = /:(saml|oidc)-provider\/(.+)$/.exec(text);
    if (provider) return `**IAM ${provider[1].toUpperCase()} identity provider \`${provider[2]}\`**: users it authenticates, through sts:AssumeRoleWith${provider[1] === 'saml' ? 'SAML' : 'WebIdentity'}.\n\n${arnHover(text, catalog)}`;
    return `**Web identity provider \`${text}\`**: users it authenticates, through sts:AssumeRoleWithWebIdentity.`;
  }
  return undefined;
}

function conditionKeyHover(name: string, catalog: Catalog): string | undefined {
  // Services also list global keys such as aws:ResourceTag/${TagKey}; the global definition is the reference.
  const global = name.toLowerCase().startsWith('aws:') ? catalog.globalConditionKeys().find((k) => Catalog.keyListed(name, [k.key])) : undefined;
  const key = global ?? catalog.conditionKey(name);
  if (!key) return undefined;
  return [`**${name}** · ${key.type}${key.global ? ' · global key' : ''}`, key.description].filter(Boolean).join('\n\n');
}

function keyHover(keys: string[], catalog: Catalog): string | undefined {
  const last = keys[keys.length - 1];
  if (keys.length === 1) return keys[0] === 'Statement' || keys[0] === 'Version' || keys[0] === 'Id' ? `**${last}**: ${ELEMENT_DOCS[last]}` : undefined;
  if (keys[0] !== 'Statement') return undefined;
  if (keys.length === 2) return ELEMENT_DOCS[last] && `**${last}**: ${ELEMENT_DOCS[last]}`;
  if (keys[1] === 'Principal' || keys[1] === 'NotPrincipal') return keys.length === 3 && PRINCIPAL_TYPE_DOCS[last] ? `**${last}** principals: ${PRINCIPAL_TYPE_DOCS[last]}` : undefined;
  if (keys[1] !== 'Condition') return undefined;
  if (keys.length === 3) {
    const op = parseOperator(last);
    return op && `**${last}**\n\n${operatorDoc(op)}`;
  }
  return keys.length === 4 ? conditionKeyHover(last, catalog) : undefined;
}

function valueHover(keys: string[], value: string, catalog: Catalog): string | undefined {
  if (keys[0] === 'Statement' && (keys[1] === 'Action' || keys[1] === 'NotAction') && keys.length === 2) return actionMarkdown(value, catalog);
  if (keys[0] === 'Statement' && (keys[1] === 'Principal' || keys[1] === 'NotPrincipal')) {
    if (keys.length === 3) return principalHover(keys[2], value, catalog);
    if (keys.length === 2 && value === '*') return principalHover('AWS', value, catalog);
  }
  return looksLikeArn(value) ? arnHover(value, catalog) : undefined;
}

export function hoverPolicy(doc: TextDocument, policy: PolicyDocument, offset: number, ctx: PolicyHoverContext): Hover | null {
  if (!policy.root) return null;
  const node: Node | undefined = findNodeAtOffset(policy.root, offset);
  if (node?.type !== 'string') return null;
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  const isKey = property?.children?.[0] === node;
  const keys = keysOf(getNodePath(node));
  const value = isKey ? keyHover(keys, ctx.catalog) : valueHover(keys, String(node.value), ctx.catalog);
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) },
  };
}
