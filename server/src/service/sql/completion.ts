/** Completion in Redshift SQL: after IAM_ROLE (default, 'SESSION', role ARNs), inside a role chain
 * (the next ARN), inside a CREDENTIALS string (its keys), and the clause keywords the statement at hand
 * accepts. Role ARNs found in the user's other open documents come first. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Command, CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog';
import { parseArn } from '../arn';
import type { Token } from './lexer';
import { chainElements, ROLE_CLAUSES } from './roles';
import { inComment, modelAround, statementIn, type Clause, type SqlStatement } from './statements';
import { CLAUSE_DOCS, CREDENTIAL_KEYS, KINDS } from './syntax';

export interface SqlCompletionContext {
  catalog: Catalog;
  /** Role ARNs found in the user's other open documents. */
  roleArns: string[];
}

const STRING_TOKENS = new Set(['string', 'dollarString', 'typographicString']);
const AUTHORIZATION = ['IAM_ROLE', 'CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN'];
/** Words after which a value, not a clause keyword, comes next. */
const EXPECTS_VALUE = new Set([
  'IAM_ROLE', 'CATALOG_ROLE', 'CREDENTIALS', 'WITH', 'AS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'TOKEN',
  'MASTER_SYMMETRIC_KEY', 'KMS_KEY_ID', 'REGION', 'FROM', 'TO', 'FORMAT', 'DELIMITER', 'LAMBDA', 'SAGEMAKER', 'SECRET_ARN',
  'AUTHENTICATION_ARN', 'CLUSTER_ARN', 'URI', 'DATABASE', 'SCHEMA', 'ON', 'FOR', 'FUNCTION', 'JOB', 'CREATE', 'TARGET',
  'MODEL_TYPE', 'SETTINGS', 'READRATIO', 'NULL', 'AUTHENTICATION', 'CATALOG_ID', 'PORT', 'RETURNS', 'LANGUAGE', 'PARALLEL',
]);
const ROLE_SNIPPET = (partition: string) => `arn:${partition}:iam::\${1:<account-id>}:role/\${2:<role-name>}`;
const RETRIGGER = Command.create('Suggest', 'editor.action.triggerSuggest');

export function completeSql(doc: TextDocument, offset: number, ctx: SqlCompletionContext): CompletionItem[] {
  const text = doc.getText();
  const model = modelAround(text, offset);
  if (inComment(model, offset)) return [];
  const statement = statementIn(model, offset);
  if (!statement || statement.kind === 'other' || statement.kind === 'create-procedure') return [];
  const item = itemMaker(doc);
  const at = statement.tokens.find((t) => offset > t.start && offset <= t.end);
  if (at && STRING_TOKENS.has(at.kind)) {
    if (offset < at.bodyStart || offset > at.bodyEnd) return [];
    const clause = statement.clauses.find((c) => c.value?.start === at.start);
    if (clause && ROLE_CLAUSES.has(clause.name)) return chainItems(statement, clause, at, offset, item, ctx.roleArns);
    if (clause?.name === 'CREDENTIALS') return credentialItems(statement, clause, offset, item, ctx.roleArns);
    return [];
  }
  if (at && at.kind !== 'word') return [];
  // Right before a word or a value, whatever is inserted would be glued to it (`FORMAT ASREGION`).
  if (!at && statement.tokens.some((t) => t.start === offset && t.kind !== 'operator')) return [];
  const typed = at ? { start: at.start, end: at.end } : { start: offset, end: offset };
  const before = statement.tokens.filter((t) => t.end <= typed.start).pop();
  const word = before?.kind === 'word' ? text.slice(before.start, before.end).toUpperCase() : '';
  if (word === 'IAM_ROLE' || word === 'CATALOG_ROLE' || (word === 'ON' && statement.kind.endsWith('assumerole'))) {
    return roleStartItems(statement, word, typed, item, ctx.roleArns);
  }
  if (word === 'CREDENTIALS' || (word === 'AS' && /credentials\s+as$/i.test(text.slice(statement.start, before!.end)))) {
    const q = quoteOf(statement);
    return [item({
      label: "'aws_iam_role=…'",
      kind: CompletionItemKind.Snippet,
      insert: `${q}aws_iam_role=${ROLE_SNIPPET('aws')}${q}`,
      range: typed,
      detail: 'CREDENTIALS with an IAM role',
      documentation: CLAUSE_DOCS.CREDENTIALS,
    })];
  }
  if (!before || before.start < statement.head.end || (before.kind === 'operator' && text.slice(before.start, before.end) !== ')') || EXPECTS_VALUE.has(word)) return [];
  return keywordItems(statement, text, typed, item);
}

interface Proposal {
  label: string;
  kind: CompletionItemKind;
  /** Snippet syntax. */
  insert: string;
  range: { start: number; end: number };
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  retrigger?: boolean;
}

function itemMaker(doc: TextDocument) {
  return (p: Proposal): CompletionItem => ({
    label: p.label,
    kind: p.kind,
    detail: p.detail,
    documentation: p.documentation ? { kind: MarkupKind.Markdown, value: p.documentation } : undefined,
    sortText: p.sortText,
    filterText: p.filterText,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) }, newText: p.insert },
    command: p.retrigger ? RETRIGGER : undefined,
  });
}

/** The quote that opens a string where the statement stands: `'`, or `''` inside `EXECUTE '…'`. */
function quoteOf(statement: SqlStatement): string {
  const empty = statement.literal('');
  return empty.slice(0, empty.length / 2);
}

function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** After IAM_ROLE, CATALOG_ROLE or ASSUMEROLE ON, before any quote. */
function roleStartItems(statement: SqlStatement, word: string, range: { start: number; end: number }, item: (p: Proposal) => CompletionItem, roleArns: string[]): CompletionItem[] {
  const info = KINDS[statement.kind];
  const q = quoteOf(statement);
  const items: CompletionItem[] = [];
  if (info.defaultRole && word !== 'CATALOG_ROLE') {
    items.push(item({ label: 'default', kind: CompletionItemKind.Keyword, insert: 'default', range, sortText: '0', detail: "The cluster's default IAM role", documentation: CLAUSE_DOCS.DEFAULT }));
  }
  if (info.sessionRole && word !== 'ON') {
    items.push(item({ label: "'SESSION'", kind: CompletionItemKind.Keyword, insert: `${q}SESSION${q}`, range, sortText: '1', detail: "The caller's federated identity", documentation: CLAUSE_DOCS.SESSION }));
  }
  if (word === 'ON') items.push(item({ label: 'ALL', kind: CompletionItemKind.Keyword, insert: 'ALL', range, sortText: '1', detail: 'Every role' }));
  for (const arn of unique(roleArns)) {
    items.push(item({ label: `'${arn}'`, kind: CompletionItemKind.Value, insert: `${q}${snippetText(arn)}${q}`, range, sortText: `2${arn}`, detail: 'Role ARN from an open document' }));
  }
  items.push(item({ label: "'arn:aws:iam::…:role/…'", kind: CompletionItemKind.Snippet, insert: `${q}${ROLE_SNIPPET('aws')}${q}`, range, sortText: '3', detail: 'Role ARN', documentation: CLAUSE_DOCS.IAM_ROLE }));
  if (info.chain) {
    items.push(item({
      label: "'arn:…:role/A,arn:…:role/B'",
      kind: CompletionItemKind.Snippet,
      insert: `${q}arn:aws:iam::\${1:<account-id>}:role/\${2:<role-name>},arn:aws:iam::\${3:<account-id>}:role/\${4:<role-name>}${q}`,
      range,
      sortText: '4',
      detail: 'Role chain: the first role assumes the second',
      documentation: CLAUSE_DOCS.IAM_ROLE,
    }));
  }
  return items;
}

/** Inside the quotes of a role chain: the ARN for the element under the cursor. */
function chainItems(statement: SqlStatement, clause: Clause, token: Token, offset: number, item: (p: Proposal) => CompletionItem, roleArns: string[]): CompletionItem[] {
  const value = clause.value!;
  const elements = chainElements(value);
  const index = elements.findIndex((e) => offset >= e.offset && offset <= e.offset + e.text.length);
  if (index < 0) return [];
  const element = elements[index];
  return roleValueItems(statement, clause, element, index, elements.map((e) => e.text.trim()), item, roleArns, Math.min(token.bodyEnd, element.offset + element.text.length));
}

function roleValueItems(
  statement: SqlStatement, clause: Clause, element: { text: string; offset: number }, index: number, chain: string[],
  item: (p: Proposal) => CompletionItem, roleArns: string[], end: number,
): CompletionItem[] {
  const range = { start: element.offset, end };
  const others = new Set(chain.filter((_, k) => k !== index));
  const previous = index > 0 ? chain[index - 1] : undefined;
  const partition = parseArn(chain.find((a) => parseArn(a)) ?? '')?.partition.text ?? 'aws';
  const detail = previous ? `Next role in the chain, assumed by ${previous.slice(previous.lastIndexOf('/') + 1)}` : index === 0 && chain.length > 1 ? 'First role: attached to the cluster' : 'Role ARN';
  const items: CompletionItem[] = [];
  if (index === 0 && chain.length === 1 && KINDS[statement.kind].sessionRole && clause.name !== 'ON') {
    items.push(item({ label: 'SESSION', kind: CompletionItemKind.Keyword, insert: 'SESSION', range, sortText: '0', detail: "The caller's federated identity", documentation: CLAUSE_DOCS.SESSION }));
  }
  for (const arn of unique(roleArns)) {
    if (others.has(arn)) continue;
    items.push(item({ label: arn, kind: CompletionItemKind.Value, insert: snippetText(arn), range, sortText: `1${arn}`, detail: `${detail} (from an open document)` }));
  }
  items.push(item({ label: `arn:${partition}:iam::…:role/…`, kind: CompletionItemKind.Snippet, insert: ROLE_SNIPPET(partition), range, sortText: '2', detail, documentation: CLAUSE_DOCS.IAM_ROLE, filterText: `arn:${partition}:iam::` }));
  return items;
}

/** Inside a CREDENTIALS string: the keys still missing, or a role ARN after aws_iam_role=. */
function credentialItems(statement: SqlStatement, clause: Clause, offset: number, item: (p: Proposal) => CompletionItem, roleArns: string[]): CompletionItem[] {
  const pairs = clause.pairs ?? [];
  const pair = pairs.find((p) => offset >= p.offset && offset <= p.offset + p.segment.length);
  if (!pair) return [];
  if (pair.hasEquals && offset >= pair.valueOffset) {
    if (pair.key !== 'aws_iam_role') return [];
    const elements = chainElements({ ...clause.value!, text: pair.value, offset: pair.valueOffset });
    const index = elements.findIndex((e) => offset >= e.offset && offset <= e.offset + e.text.length);
    const element = elements[index];
    return roleValueItems(statement, clause, element, index, elements.map((e) => e.text.trim()), item, roleArns, element.offset + element.text.length);
  }
  const present = new Set(pairs.filter((p) => p !== pair && p.hasEquals).map((p) => p.key));
  const usesRole = present.has('aws_iam_role');
  const usesKeys = ['aws_access_key_id', 'aws_secret_access_key', 'token'].some((k) => present.has(k));
  const range = { start: pair.offset, end: pair.hasEquals ? pair.valueOffset : pair.offset + pair.segment.length };
  return Object.entries(CREDENTIAL_KEYS)
    // master_symmetric_key is known, but refused since client-side encryption ended: not offered.
    .filter(([key]) => key !== 'master_symmetric_key' && !present.has(key) && !usesRole && !(usesKeys && key === 'aws_iam_role'))
    .map(([key, documentation], k) => item({
      label: key,
      kind: CompletionItemKind.Property,
      insert: `${key}=`,
      range,
      sortText: String(k),
      documentation,
      retrigger: key === 'aws_iam_role',
    }));
}

/** The clause keywords the statement accepts and does not have yet. */
function keywordItems(statement: SqlStatement, text: string, range: { start: number; end: number }, item: (p: Proposal) => CompletionItem): CompletionItem[] {
  const names = new Set(statement.clauses.map((c) => c.name));
  const authorized = AUTHORIZATION.filter((a) => names.has(a));
  // Keywords follow the case the statement is written in.
  const lower = /^[a-z]/.test(text.slice(statement.head.start, statement.head.end));
  return KINDS[statement.kind].clauses
    .filter((keyword) => {
      const first = keyword.split(' ')[0];
      if (names.has(first) && first !== 'FOR') return false;
      if (!AUTHORIZATION.includes(first) || !authorized.length) return true;
      // Once a statement authorizes itself one way, only the rest of that way is offered.
      const keys = ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN'];
      return keys.includes(first) && authorized.every((a) => keys.includes(a));
    })
    .map((keyword, k) => {
      const first = keyword.split(' ')[0];
      const written = lower ? keyword.toLowerCase() : keyword;
      const takesRole = first === 'IAM_ROLE' || first === 'CATALOG_ROLE';
      const takesString = !takesRole && CLAUSE_DOCS[first] !== undefined && !['ENCRYPTED', 'MANIFEST', 'CLEANPATH', 'ALLOWOVERWRITE', 'SSH'].includes(first);
      const q = quoteOf(statement);
      // KMS_KEY_ID needs ENCRYPTED: without it, what is inserted would be an error at once.
      const encrypted = first === 'KMS_KEY_ID' && !names.has('ENCRYPTED') ? ` ${lower ? 'encrypted' : 'ENCRYPTED'}` : '';
      return item({
        label: keyword,
        kind: CompletionItemKind.Keyword,
        insert: takesRole ? `${written} ` : takesString && keyword === first ? `${written} ${q}$1${q}${encrypted}` : written,
        range,
        sortText: String(k).padStart(2, '0'),
        detail: `${statement.label} parameter`,
        documentation: CLAUSE_DOCS[first],
        retrigger: takesRole,
      });
    });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
