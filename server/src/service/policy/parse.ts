/** Parses JSON text into a policy model that keeps the jsonc-parser nodes, and so their offsets. */
import { Node, ParseError, parseTree } from 'jsonc-parser';
import { parseStrictJson } from './strictJson';

export type PolicyKind = 'trust' | 'identity' | 'resource';

/** One `"key": value` pair of an object. */
export interface Member {
  key: string;
  keyNode: Node;
  value: Node | undefined;
  property: Node;
}

export interface Statement {
  node: Node;
  /** Members by exact key, first occurrence. */
  members: Map<string, Member>;
}

export interface PolicyDocument {
  text: string;
  root: Node | undefined;
  syntaxErrors: ParseError[];
  /** Top-level members by exact key, first occurrence. */
  top: Map<string, Member>;
  /** The `Statement` member: an object or an array of objects. */
  statements: Statement[];
  kind: PolicyKind;
  /** Set when only the first statements are checked (see Settings.maxStatements): the first one left out
   * and how many there are in all. */
  truncated?: { firstSkipped: Node; total: number };
}

export const VERSIONS = ['2012-10-17', '2008-10-17'];
const TRUST_ACTIONS = /^sts:(assumerole.*|tagsession|setsourceidentity|\*)$/i;

export function members(object: Node | undefined): Member[] {
  if (object?.type !== 'object') return [];
  const result: Member[] = [];
  for (const property of object.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode?.type === 'string') result.push({ key: String(keyNode.value), keyNode, value, property });
  }
  return result;
}

function memberMap(object: Node | undefined): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const m of members(object)) if (!map.has(m.key)) map.set(m.key, m);
  return map;
}

/** The string nodes of a value that is a string or an array of strings. */
export function stringNodes(value: Node | undefined): Node[] {
  if (!value) return [];
  if (value.type === 'string') return [value];
  if (value.type === 'array') return (value.children ?? []).filter((c) => c.type === 'string');
  return [];
}

/** Offset of a string node's content (inside the quotes), and whether content offsets map one to
 * one onto the text (false when the string holds escapes). */
export function contentStart(text: string, node: Node): { start: number; exact: boolean } {
  const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
  return { start: node.offset + 1, exact: raw === node.value };
}

/** Span of `[start, start+length)` inside a string node's value, falling back to the whole string. */
export function spanInString(text: string, node: Node, start: number, length: number): { offset: number; length: number } {
  const c = contentStart(text, node);
  return c.exact ? { offset: c.start + start, length } : { offset: node.offset, length: node.length };
}

export function isPolicyText(root: Node | undefined): boolean {
  if (root?.type !== 'object') return false;
  return members(root).some((m) => /^statements?$/i.test(m.key) || (m.key === 'Version' && VERSIONS.includes(String(m.value?.value))));
}

export function statementActions(statement: Statement): string[] {
  return stringNodes(statement.members.get('Action')?.value).map((n) => String(n.value));
}

export function hasPrincipal(statement: Statement): boolean {
  return statement.members.has('Principal') || statement.members.has('NotPrincipal');
}

function detectKind(statements: Statement[]): PolicyKind {
  const withPrincipal = statements.filter(hasPrincipal);
  if (withPrincipal.some((s) => statementActions(s).some((a) => TRUST_ACTIONS.test(a)))) return 'trust';
  return withPrincipal.length > 0 ? 'resource' : 'identity';
}

export function parsePolicy(text: string, kind?: PolicyKind): PolicyDocument {
  const syntaxErrors: ParseError[] = [];
  const root = parseStrictJson(text) ?? parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const top = memberMap(root);
  const statementValue = top.get('Statement')?.value;
  const statementNodes = statementValue?.type === 'array' ? statementValue.children ?? [] : statementValue ? [statementValue] : [];
  const statements = statementNodes.filter((n) => n.type === 'object').map((node) => ({ node, members: memberMap(node) }));
  return { text, root, syntaxErrors, top, statements, kind: kind ?? detectKind(statements) };
}
