/** Completion in IAM policies: keys, values, actions, ARN templates, principals and conditions, with
 * replace ranges and quoting that fit the text as typed so far (inside an unterminated string, after
 * a trailing comma, before a closing brace exists). */
import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Command, CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver-types';
import type { Action, Catalog, ConditionKey, Service } from '../catalog';
import { commonPrefixLength } from '../text';
import { CONDITION_OPERATORS, parseOperator, SET_PREFIXES } from './conditions';
import { actionValues } from './elements';
import { ELEMENT_DOCS, operatorDoc, PRINCIPAL_TYPE_DOCS } from './grammar';
import { actionMarkdown } from './hover';
import { CursorLocation, CursorToken, keysOf, LocalStatement, locate, statementAround } from './location';
import { isStatementElement, members, PolicyDocument, Statement, STATEMENT_ELEMENTS } from './parse';
import { knownServicePrincipals } from './principals';
import { PRINCIPAL_TYPES } from './rules/invalid-principal';
import { TOP_LEVEL_KEYS } from './rules/unknown-key';

export interface PolicyCompletionContext {
  catalog: Catalog;
  /** Role ARNs found in the user's other open documents. */
  roleArns: string[];
}

/** Something to insert. `insert` is snippet syntax: literal text goes through `literal()`. */
interface Proposal {
  label: string;
  kind: CompletionItemKind;
  insert: string;
  detail?: string;
  documentation?: string;
  sortText?: string;
  /** Open the completion list again after inserting (the actions after a service prefix). */
  retrigger?: boolean;
  /** `insert` is a whole JSON value (an object, an array) rather than the content of a string. */
  raw?: boolean;
  /** What `resolvePolicyCompletion` documents when the item is shown: long lists stay small. */
  data?: PolicyCompletionData;
}

/** An Action value (an action or a wildcard, its label) whose documentation comes on resolve. One
 * value for all such items, so that a client reading item defaults gets it once per list. */
export interface PolicyCompletionData { resolve: 'policyAction' }
const POLICY_ACTION: PolicyCompletionData = { resolve: 'policyAction' };

/** A member to insert: `"<key>": <value>`; `key` and `value` are snippet syntax. */
interface KeyProposal extends Omit<Proposal, 'insert' | 'raw'> {
  key: string;
  value: string;
}

interface Site {
  doc: TextDocument;
  text: string;
  offset: number;
  loc: CursorLocation;
}

const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
const ACCOUNT_ID = '123456789012';

/** Text as a literal inside a snippet and a JSON string. */
function literal(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/[$}\\]/g, '\\$&');
}

/** A catalogue template (`arn:${Partition}:redshift:${Region}:...`, `aws:ResourceTag/${TagKey}`) as a
 * snippet: the partition is `aws`, every other variable a numbered tab stop. */
function templateSnippet(template: string): string {
  let stop = 1;
  const names: Record<string, string> = { Region: 'region', Account: 'account' };
  return template.replace(/\/tag-key$/, '/${TagKey}').split(/(\$\{[^}]*\})/).map((part) => {
    const variable = /^\$\{([^}]*)\}$/.exec(part)?.[1];
    if (variable === undefined) return literal(part);
    if (variable === 'Partition') return 'aws';
    return `\${${stop++}:${literal(names[variable] ?? variable)}}`;
  }).join('');
}

function markdown(value: string | undefined) {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

/** The comma missing after the value before the cursor, inserted right after that value. */
function missingComma(site: Site): TextEdit[] | undefined {
  const { loc, text } = site;
  if (!loc.needsComma || !loc.token) return undefined;
  let at = loc.token.offset;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  const position = site.doc.positionAt(at);
  return [{ range: { start: position, end: position }, newText: ',' }];
}

/** End of the whole token, its closing quote included: what replacing the token replaces. */
function tokenEnd(token: CursorToken): number {
  return token.quoted && token.terminated ? token.end + 1 : token.end;
}

function valueItem(site: Site, p: Proposal): CompletionItem {
  const { loc, offset } = site;
  const token = loc.token;
  let start = offset;
  let end = offset;
  let newText: string;
  if (token?.quoted && !p.raw) {
    // Replace the string's content: the quotes stay, a missing closing quote is added.
    start = token.offset + 1;
    end = token.end;
    newText = p.insert + (token.terminated ? '' : p.retrigger ? '$0"' : '"');
  } else {
    if (token) {
      start = token.offset;
      end = tokenEnd(token);
    }
    newText = p.raw ? p.insert : `"${p.insert}${p.retrigger ? '$0' : ''}"`;
  }
  return proposalItem(site, p, start, end, newText);
}

/** The completion item of a proposal that replaces the text from `start` to `end` with `newText`. */
function proposalItem(site: Site, p: Proposal | KeyProposal, start: number, end: number, newText: string, filterText?: string): CompletionItem {
  return {
    label: p.label,
    kind: p.kind,
    detail: p.detail,
    documentation: markdown(p.documentation),
    sortText: p.sortText,
    filterText,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: { start: site.doc.positionAt(start), end: site.doc.positionAt(end) }, newText },
    additionalTextEdits: missingComma(site),
    command: p.retrigger ? RETRIGGER : undefined,
    data: p.data,
  };
}

function keyItem(site: Site, p: KeyProposal): CompletionItem {
  const { loc, offset, text } = site;
  const token = loc.token;
  const start = token ? token.offset : offset;
  const end = token ? tokenEnd(token) : offset;
  const after = text.slice(end, end + 200);
  let newText = `"${p.key}"`;
  if (!/^\s*:/.test(after)) newText += `: ${p.value}${/^\s*"/.test(after) ? ',' : ''}`;
  return proposalItem(site, p, start, end, newText, token && !token.quoted ? p.label : `"${p.label}"`);
}

/** Keys already in the object being edited, except the one under the cursor. `base` is where the
 * offsets of the object's nodes start. */
function presentKeys(object: Node | undefined, loc: CursorLocation, base = 0): Set<string> {
  return new Set(members(object).filter((m) => base + m.keyNode.offset !== loc.token?.offset).map((m) => m.key));
}

const KEY_VALUES: Record<string, { value: string; retrigger?: boolean }> = {
  Version: { value: '"2012-10-17"' },
  Id: { value: '"$1"' },
  Statement: { value: '[\n\t{\n\t\t$0\n\t}\n]', retrigger: true },
  Sid: { value: '"$1"' },
  Effect: { value: '"${1|Allow,Deny|}"' },
  Principal: { value: '{\n\t"$1": "$2"\n}', retrigger: true },
  NotPrincipal: { value: '{\n\t"$1": "$2"\n}', retrigger: true },
  Action: { value: '["$1"]', retrigger: true },
  NotAction: { value: '["$1"]', retrigger: true },
  Resource: { value: '["$1"]', retrigger: true },
  NotResource: { value: '["$1"]', retrigger: true },
  Condition: { value: '{\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}', retrigger: true },
};

/** Elements that exclude each other within one statement. */
const EXCLUSIVE: Record<string, string> = {
  Action: 'NotAction', NotAction: 'Action', Resource: 'NotResource', NotResource: 'Resource', Principal: 'NotPrincipal', NotPrincipal: 'Principal',
};

function elementProposals(keys: readonly string[], present: Set<string>, exclude: (key: string) => boolean): KeyProposal[] {
  return keys.filter((k) => !present.has(k) && !exclude(k)).map((k, i) => ({
    label: k,
    key: k,
    kind: CompletionItemKind.Property,
    value: KEY_VALUES[k].value,
    retrigger: KEY_VALUES[k].retrigger,
    documentation: ELEMENT_DOCS[k],
    sortText: String(i).padStart(2, '0'),
  }));
}

/** Proposals that depend only on the catalogue, built once: completion runs on every keystroke. */
const built = new WeakMap<Catalog, Map<string, Proposal[]>>();
function once(catalog: Catalog, key: string, build: () => Proposal[]): Proposal[] {
  let byKey = built.get(catalog);
  if (!byKey) built.set(catalog, (byKey = new Map()));
  let proposals = byKey.get(key);
  if (!proposals) byKey.set(key, (proposals = build()));
  return proposals;
}

/** `s3:` prefixes while no colon is typed; then the service's actions and wildcards. */
function actionProposals(typed: string, catalog: Catalog): Proposal[] {
  const colon = typed.indexOf(':');
  if (colon < 0) {
    return once(catalog, 'services', () => [...catalog.allServices()].map((s) => ({
      label: s.prefix, insert: `${s.prefix}:`, kind: CompletionItemKind.Module, detail: s.name, retrigger: true,
    })));
  }
  const service = catalog.service(typed.slice(0, colon));
  return service ? once(catalog, `actions:${service.prefix}`, () => serviceActionProposals(service)) : [];
}

function serviceActionProposals(service: Service): Proposal[] {
  const proposals: Proposal[] = service.actions.map((a) => ({
    label: `${service.prefix}:${a.name}`,
    insert: literal(`${service.prefix}:${a.name}`),
    kind: CompletionItemKind.Function,
    detail: a.accessLevels.join(', '),
    sortText: `0${a.name}`,
    data: POLICY_ACTION,
  }));
  // Wildcards by verb (`Get*`, `List*`) where a verb starts several actions, and the whole service.
  const byVerb = new Map<string, Action[]>();
  for (const a of service.actions) {
    const verb = /^[A-Z][a-z]+/.exec(a.name)?.[0];
    if (!verb) continue;
    const actions = byVerb.get(verb);
    if (actions) actions.push(a);
    else byVerb.set(verb, [a]);
  }
  const wildcard = (pattern: string, actions: Action[]): Proposal => {
    const levels = [...new Set(actions.flatMap((a) => a.accessLevels))];
    return {
      label: `${service.prefix}:${pattern}`,
      insert: literal(`${service.prefix}:${pattern}`),
      kind: CompletionItemKind.Folder,
      detail: `${actions.length} actions: ${levels.join(', ')}`,
      sortText: `1${pattern}`,
      data: POLICY_ACTION,
    };
  };
  for (const [verb, actions] of byVerb) if (actions.length > 1) proposals.push(wildcard(`${verb}*`, actions));
  proposals.push(wildcard('*', service.actions));
  return proposals;
}

/** The catalogue actions a statement's Action element names. */
function statementCatalogActions(statement: Statement | undefined, catalog: Catalog): Action[] {
  return statement ? actionValues(statement, 'Action', catalog).flatMap((v) => v.matches ?? []) : [];
}

/** ARN templates of the resource types the statement's actions use, the most used first. */
function resourceProposals(statement: Statement | undefined, catalog: Catalog): Proposal[] {
  const uses = new Map<string, { service: string; key: string; arn: string; actions: string[] }>();
  for (const action of statementCatalogActions(statement, catalog)) {
    for (const { key } of action.resourceTypes) {
      const type = catalog.resourceType(action.service, key);
      if (!type) continue;
      const use = uses.get(type.arn) ?? { service: action.service, key, arn: type.arn, actions: [] };
      use.actions.push(`${action.service}:${action.name}`);
      uses.set(type.arn, use);
    }
  }
  const ranked = [...uses.values()].sort((a, b) => b.actions.length - a.actions.length);
  const proposals: Proposal[] = ranked.map((use, i) => ({
    label: use.arn.replace('${Partition}', 'aws'),
    insert: templateSnippet(use.arn),
    kind: CompletionItemKind.Reference,
    detail: `${use.service} ${use.key}`,
    documentation: `Used by ${use.actions.slice(0, 5).map((a) => `\`${a}\``).join(', ')}${use.actions.length > 5 ? ` and ${use.actions.length - 5} more` : ''}.`,
    sortText: String(i).padStart(4, '0'),
  }));
  proposals.push({ label: '*', insert: '*', kind: CompletionItemKind.Constant, detail: 'Every resource', sortText: '9999' });
  return proposals;
}

function principalTypeProposals(present: Set<string>): KeyProposal[] {
  return PRINCIPAL_TYPES.filter((t) => !present.has(t)).map((t, i) => ({
    label: t, key: t, value: '"$1"', kind: CompletionItemKind.Property, documentation: PRINCIPAL_TYPE_DOCS[t], sortText: String(i), retrigger: t !== 'CanonicalUser',
  }));
}

function principalValueProposals(type: string, ctx: PolicyCompletionContext): Proposal[] {
  const { catalog } = ctx;
  if (type === 'Service') {
    return once(catalog, 'service principals', () => [...knownServicePrincipals(catalog).values()].map((p) => ({
      label: p.principal,
      insert: literal(p.principal),
      kind: CompletionItemKind.Value,
      detail: p.description,
      // Redshift's own principals first, then the global principals before the Regional ones.
      sortText: `${p.principal.startsWith('redshift') ? 0 : 1}${p.region ? 1 : 0}${p.principal}`,
    })));
  }
  const iamTemplate = (key: string) => catalog.resourceType('iam', key)?.arn;
  const templates = (keys: string[], detail: string): Proposal[] => keys.flatMap((key) => {
    const arn = iamTemplate(key);
    return arn ? [{ label: arn.replace('${Partition}', 'aws'), insert: templateSnippet(arn), kind: CompletionItemKind.Reference, detail: `${detail}: IAM ${key}`, sortText: `1${key}` }] : [];
  });
  if (type === 'Federated') return templates(['saml-provider', 'oidc-provider'], 'Identity provider');
  if (type !== 'AWS') return [];
  return [
    ...[...new Set(ctx.roleArns)].map((arn) => ({ label: arn, insert: literal(arn), kind: CompletionItemKind.Reference, detail: 'Role from an open document', sortText: `0${arn}` })),
    { label: 'arn:aws:iam::${Account}:root', insert: 'arn:aws:iam::${1:account}:root', kind: CompletionItemKind.Reference, detail: 'Account: every principal the account allows', sortText: '1account' },
    { label: ACCOUNT_ID, insert: `\${1:${ACCOUNT_ID}}`, kind: CompletionItemKind.Value, detail: 'Account ID: same as the account root', sortText: '1account-id' },
    ...templates(['role', 'user'], 'Principal'),
  ];
}

function operatorProposals(present: Set<string>): KeyProposal[] {
  const names: string[] = [];
  for (const base of CONDITION_OPERATORS) names.push(base);
  for (const base of CONDITION_OPERATORS) if (base !== 'Null') names.push(`${base}IfExists`);
  for (const prefix of SET_PREFIXES) for (const base of CONDITION_OPERATORS) if (base !== 'Null') names.push(`${prefix}:${base}`);
  return names.filter((n) => !present.has(n)).map((name, i) => {
    const op = parseOperator(name)!;
    return {
      label: name, key: literal(name), value: '{\n\t"$1": "$2"\n}', kind: CompletionItemKind.Operator, retrigger: true,
      detail: `${op.type} operator`, documentation: operatorDoc(op), sortText: String(i).padStart(3, '0'),
    };
  });
}

/** Condition keys: those of the statement's actions and their resource types first, then the other keys
 * of the same services, then the global keys. */
function conditionKeyProposals(statement: Statement | undefined, operator: string, present: Set<string>, catalog: Catalog): KeyProposal[] {
  const seen = new Set([...present].map((k) => k.toLowerCase()));
  const proposals: KeyProposal[] = [];
  const add = (key: ConditionKey | undefined, name: string, tier: number, note: string) => {
    if (seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    const values = conditionValueProposals(operator, name, key?.type);
    proposals.push({
      label: name,
      key: templateSnippet(name),
      // The value is the last stop, after any variable part of the key (`aws:ResourceTag/${TagKey}`).
      value: '"$0"',
      retrigger: values.length > 0,
      kind: CompletionItemKind.Field,
      detail: key?.type,
      documentation: [key?.description, note].filter(Boolean).join('\n\n'),
      sortText: `${tier}${name}`,
    });
  };
  const actions = statementCatalogActions(statement, catalog);
  for (const action of actions) {
    for (const name of action.conditionKeys) add(conditionKey(catalog, name), name, 0, `Supported by \`${action.service}:${action.name}\`.`);
    for (const { key } of action.resourceTypes) {
      for (const name of catalog.resourceType(action.service, key)?.conditionKeys ?? []) add(conditionKey(catalog, name), name, 0, `Supported on the \`${key}\` resource type.`);
    }
  }
  for (const prefix of new Set(actions.map((a) => a.service))) {
    for (const key of catalog.service(prefix)?.conditionKeys ?? []) add(key, key.key, 1, '');
  }
  for (const key of globalKeys(catalog)) add(key, key.key, 2, 'Global condition key.');
  return proposals;
}

const keyMemo = new WeakMap<Catalog, Map<string, ConditionKey | undefined>>();
/** A catalogue condition key by name, memoised: tag-style names are matched against every key pattern. */
function conditionKey(catalog: Catalog, name: string): ConditionKey | undefined {
  let memo = keyMemo.get(catalog);
  if (!memo) keyMemo.set(catalog, (memo = new Map()));
  if (!memo.has(name)) memo.set(name, catalog.conditionKey(name));
  return memo.get(name);
}

const globalKeyMemo = new WeakMap<Catalog, ConditionKey[]>();
function globalKeys(catalog: Catalog): ConditionKey[] {
  let keys = globalKeyMemo.get(catalog);
  if (!keys) globalKeyMemo.set(catalog, (keys = catalog.globalConditionKeys()));
  return keys;
}

const BOOLEAN_VALUES: Proposal[] = ['true', 'false'].map((v) => ({ label: v, insert: v, kind: CompletionItemKind.Value }));

/** Values for well-known keys: booleans, the Redshift ARNs that confused-deputy conditions compare with, accounts. */
function conditionValueProposals(operator: string, key: string, keyType: string | undefined): Proposal[] {
  const op = parseOperator(operator);
  if (op?.type === 'Bool' || op?.type === 'Null' || keyType === 'Bool') return BOOLEAN_VALUES;
  switch (key.toLowerCase()) {
    case 'sts:externalid':
      return [{ label: 'arn:aws:redshift:${Region}:${Account}:dbuser:${ClusterName}/${DbUser}', insert: 'arn:aws:redshift:${1:region}:${2:account}:dbuser:${3:cluster}/${4:user}', kind: CompletionItemKind.Reference, detail: 'Redshift database user (role chaining from a cluster)' }];
    case 'aws:sourcearn':
      return [{ label: 'arn:aws:redshift:${Region}:${Account}:cluster:${ClusterName}', insert: 'arn:aws:redshift:${1:region}:${2:account}:cluster:${3:cluster}', kind: CompletionItemKind.Reference, detail: 'Redshift cluster' }];
    case 'aws:sourceaccount':
    case 'aws:principalaccount':
    case 'aws:resourceaccount':
      return [{ label: ACCOUNT_ID, insert: `\${1:${ACCOUNT_ID}}`, kind: CompletionItemKind.Value, detail: '12-digit AWS account ID' }];
    default:
      return [];
  }
}

function keyProposals(keys: string[], site: Site, policy: PolicyDocument, statement: LocalStatement | undefined, catalog: Catalog): KeyProposal[] {
  const { loc } = site;
  if (keys.length === 0) return elementProposals(TOP_LEVEL_KEYS, presentKeys(policy.root, loc), () => false);
  if (keys[0] !== 'Statement') return [];
  const base = statement?.base;
  if (keys.length === 1) {
    const present = presentKeys(statement?.node, loc, base);
    return elementProposals(STATEMENT_ELEMENTS, present, (k) => (EXCLUSIVE[k] !== undefined && present.has(EXCLUSIVE[k])) || (policy.kind === 'trust' && k.endsWith('Resource')));
  }
  const element = isStatementElement(keys[1]) ? statement?.members[keys[1]]?.value : undefined;
  if (keys.length === 2 && (keys[1] === 'Principal' || keys[1] === 'NotPrincipal')) return principalTypeProposals(presentKeys(element, loc, base));
  if (keys[1] !== 'Condition') return [];
  if (keys.length === 2) return operatorProposals(presentKeys(element, loc, base));
  if (keys.length === 3) {
    const block = members(element).find((m) => m.key === keys[2])?.value;
    return conditionKeyProposals(statement, keys[2], presentKeys(block, loc, base), catalog);
  }
  return [];
}

function valueProposals(keys: string[], site: Site, statement: Statement | undefined, ctx: PolicyCompletionContext): Proposal[] {
  const { loc, text, offset } = site;
  const typed = loc.token ? text.slice(loc.token.offset + (loc.token.quoted ? 1 : 0), offset) : '';
  if (keys.length === 1 && keys[0] === 'Version') return [{ label: '2012-10-17', insert: '2012-10-17', kind: CompletionItemKind.Value, detail: 'Current policy language version' }];
  if (keys.length === 1 && keys[0] === 'Statement' && !loc.token) {
    // Inside the Statement array, one statement; as the value of Statement, the array.
    if (typeof loc.path[1] === 'number') return [{ label: '{…}', insert: '{\n\t$0\n}', kind: CompletionItemKind.Snippet, detail: 'Statement', raw: true, retrigger: true }];
    return [{ label: '[{…}]', insert: KEY_VALUES.Statement.value, kind: CompletionItemKind.Snippet, detail: 'Statement list', raw: true, retrigger: true }];
  }
  if (keys[0] !== 'Statement' || keys.length < 2) return [];
  const element = keys[1];
  if (keys.length === 2) {
    switch (element) {
      case 'Effect':
        return ['Allow', 'Deny'].map((v) => ({ label: v, insert: v, kind: CompletionItemKind.EnumMember }));
      case 'Action':
      case 'NotAction':
        return actionProposals(typed, ctx.catalog);
      case 'Resource':
      case 'NotResource':
        return resourceProposals(statement, ctx.catalog);
      case 'Principal':
      case 'NotPrincipal':
        return [
          { label: '*', insert: '*', kind: CompletionItemKind.Constant, detail: 'Every principal, including anonymous ones', sortText: '9' },
          ...PRINCIPAL_TYPES.map((t, i) => ({ label: `{ "${t}": … }`, insert: `{\n\t"${t}": "$1"\n}`, kind: CompletionItemKind.Snippet, documentation: PRINCIPAL_TYPE_DOCS[t], raw: true, retrigger: true, sortText: String(i) })),
        ];
      default:
        return [];
    }
  }
  if (keys.length === 3 && (element === 'Principal' || element === 'NotPrincipal')) return principalValueProposals(keys[2], ctx);
  if (keys.length === 4 && element === 'Condition') return conditionValueProposals(keys[2], keys[3], ctx.catalog.conditionKey(keys[3])?.type);
  return [];
}

/** `policy` may be the parse of an older version of the document (the last one before a keystroke):
 * it serves only where the text has not changed since, and the statement under the cursor is read
 * from the current text. */
export function completePolicy(doc: TextDocument, policy: PolicyDocument, offset: number, ctx: PolicyCompletionContext): CompletionItem[] {
  const text = doc.getText();
  const loc = locate(text, policy.root, offset, commonPrefixLength(policy.text, text));
  // Right after a value with no comma, propose only once something is typed: a space there is not a request.
  if (!loc || (loc.needsComma && !loc.token)) return [];
  const site: Site = { doc, text, offset, loc };
  const keys = keysOf(loc.path);
  const statement = statementAround(text, loc);
  if (loc.slot === 'key') return keyProposals(keys, site, policy, statement, ctx.catalog).map((p) => keyItem(site, p));
  const proposals = valueProposals(keys, site, statement, ctx);
  return (loc.token?.quoted ? proposals.filter((p) => !p.raw) : proposals).map((p) => valueItem(site, p));
}

/** Fills in the documentation of an item that `completePolicy` left to be resolved. */
export function resolvePolicyCompletion(item: CompletionItem, catalog: Catalog): CompletionItem {
  const data = item.data as Partial<PolicyCompletionData> | undefined;
  if (data?.resolve !== 'policyAction' || item.documentation) return item;
  return { ...item, documentation: markdown(actionMarkdown(item.label, catalog)) };
}
