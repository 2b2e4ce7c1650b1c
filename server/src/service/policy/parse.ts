/** Parses JSON text into a policy model that keeps the jsonc-parser nodes, and so their offsets. */
import { Node, ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import type { ConditionEntry } from './conditions';
import type { ActionValue } from './elements';
import { addRepeatedKeys, MAX_NESTING, parseStrictJson } from './strictJson';

export type PolicyKind = 'trust' | 'identity' | 'resource';

/** One `"key": value` pair of an object. */
export interface Member {
  key: string;
  keyNode: Node;
  value: Node | undefined;
  property: Node;
}

/** The elements a statement may hold. */
export const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
export type StatementElement = typeof STATEMENT_ELEMENTS[number];
const ELEMENT_NAMES: ReadonlySet<string> = new Set(STATEMENT_ELEMENTS);
export const isStatementElement = (key: string): key is StatementElement => ELEMENT_NAMES.has(key);
export const ACTION_ELEMENTS = ['Action', 'NotAction'] as const;
export const RESOURCE_ELEMENTS = ['Resource', 'NotResource'] as const;
export const PRINCIPAL_ELEMENTS = ['Principal', 'NotPrincipal'] as const;

/** The first member of each element of a statement. A fixed set of fields rather than a map: the
 * rules read them tens of thousands of times in a big policy. */
export type StatementMembers = Record<StatementElement, Member | undefined>;
const NO_MEMBERS = Object.fromEntries(STATEMENT_ELEMENTS.map((e) => [e, undefined])) as StatementMembers;

export interface Statement {
  node: Node;
  /** Members by element name, first occurrence (the others, and unknown keys, are in `all`). */
  members: StatementMembers;
  /** Every member, in order, repeated keys included. */
  all: Member[];
  /** Resolutions of the statement's elements, made on first use (elements.ts, conditions.ts) and shared by the rules. */
  memo: StatementMemo;
}

export interface StatementMemo {
  Action?: ActionValue[];
  NotAction?: ActionValue[];
  conditions?: ConditionEntry[];
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
  /** Characters IAM counts against its size quotas (all but the whitespace between tokens), when the
   * parser counted them. */
  size?: number;
  /** The key nodes that repeat a key of their object, when the parser found them (see repeatedKeys). */
  repeatedKeys?: Node[];
  /** Set when only the first statements are checked (see Settings.maxStatements): the first one left out
   * and how many there are in all. */
  truncated?: { firstSkipped: Node; total: number };
}

export const VERSIONS = ['2012-10-17', '2008-10-17'];
const TRUST_ACTIONS = /^sts:(assumerole.*|tagsession|setsourceidentity|\*)$/i;

export function members(object: Node | undefined): Member[] {
  if (object?.type !== 'object') return [];
  // Mapped rather than pushed: the statements keep their members, and a pushed array reserves room for 17.
  const all = object.children!.map(memberOf);
  return all.includes(undefined) ? all.filter((m) => m !== undefined) : all as Member[];
}

/** The member a property node makes, or undefined when its key is not a string (a syntax error). */
function memberOf(property: Node): Member | undefined {
  const keyNode = property.children?.[0];
  return keyNode?.type === 'string' ? { key: keyNode.value, keyNode, value: property.children![1], property } : undefined;
}

/** The statement's elements in document order (the first member of each). */
export function elementMembers(statement: Statement): (Member & { key: StatementElement })[] {
  return statement.all.filter((m): m is Member & { key: StatementElement } => isStatementElement(m.key) && statement.members[m.key] === m);
}

/** A statement object read into its members. */
export function statementOf(node: Node): Statement {
  const all = members(node);
  const byElement = { ...NO_MEMBERS };
  for (const m of all) if (isStatementElement(m.key)) byElement[m.key] ??= m;
  // Every memo field is there from the start, so that all memos share one shape.
  return { node, members: byElement, all, memo: { Action: undefined, NotAction: undefined, conditions: undefined } };
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
  return stringNodes(statement.members.Action?.value).map((n) => String(n.value));
}

export function hasPrincipal(statement: Statement): boolean {
  return statement.members.Principal !== undefined || statement.members.NotPrincipal !== undefined;
}

function detectKind(statements: Statement[]): PolicyKind {
  const withPrincipal = statements.filter(hasPrincipal);
  if (withPrincipal.some((s) => statementActions(s).some((a) => TRUST_ACTIONS.test(a)))) return 'trust';
  return withPrincipal.length > 0 ? 'resource' : 'identity';
}

/** A parse error of this project's, beside jsonc-parser's codes: objects and arrays nest deeper than
 * MAX_NESTING (at the bracket that goes too deep). */
export const NESTED_TOO_DEEP = 1000 as ParseErrorCode;

/** The offset of the first `{` or `[` (outside strings and comments) nested deeper than MAX_NESTING, or -1. */
export function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) return -1;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) return -1;
      i++;
    } else if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING) return i;
    } else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
  }
  return -1;
}

export function parsePolicy(text: string, kind?: PolicyKind): PolicyDocument {
  const syntaxErrors: ParseError[] = [];
  const strict = parseStrictJson(text);
  let root = strict?.root;
  if (!strict) {
    // parseTree recurses at every level: far too deep a text would overflow the stack. Only a text that
    // is not strict JSON (or nests too deep for the strict parser) is scanned for that.
    const deep = tooDeepAt(text);
    if (deep < 0) root = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    else syntaxErrors.push({ error: NESTED_TOO_DEEP, offset: deep, length: 1 });
  }
  const top = new Map<string, Member>();
  for (const m of members(root)) if (!top.has(m.key)) top.set(m.key, m);
  const statementValue = top.get('Statement')?.value;
  const statementNodes = statementValue?.type === 'array' ? statementValue.children ?? [] : statementValue ? [statementValue] : [];
  const statements = statementNodes.filter((n) => n.type === 'object').map(statementOf);
  return { text, root, syntaxErrors, top, statements, kind: kind ?? detectKind(statements), size: strict && text.length - strict.whitespace, repeatedKeys: strict?.repeatedKeys };
}

/** The key nodes anywhere in the policy that repeat a key of their object, in document order. */
export function repeatedKeys(doc: PolicyDocument): Node[] {
  let keys = doc.repeatedKeys;
  if (!keys) {
    // parseTree's tree (a text that is not strict JSON): walked here.
    const found: Node[] = [];
    const visit = (node: Node) => {
      if (node.type === 'object' && node.children!.length > 1) addRepeatedKeys(node.children!, found);
      node.children?.forEach(visit);
    };
    if (doc.root) visit(doc.root);
    keys = found;
  }
  return keys.length > 1 ? [...keys].sort((a, b) => a.offset - b.offset) : keys;
}
