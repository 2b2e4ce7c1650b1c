/** The outline of a policy: one symbol per statement, with its principal, actions, resources and conditions. */
import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { elementMembers, members, PolicyDocument, Statement, stringNodes } from './parse';

const CHILD_ELEMENTS: Record<string, SymbolKind> = {
  Principal: SymbolKind.Interface, NotPrincipal: SymbolKind.Interface,
  Action: SymbolKind.Function, NotAction: SymbolKind.Function,
  Resource: SymbolKind.Object, NotResource: SymbolKind.Object,
  Condition: SymbolKind.Boolean,
};

function range(doc: TextDocument, node: Node, length = node.length) {
  return { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + length) };
}

/** A short summary of an element's value: the value itself, or how many there are. */
function summary(value: Node | undefined): string {
  if (!value) return '';
  if (value.type === 'string') return String(value.value);
  if (value.type === 'array') {
    const strings = stringNodes(value);
    return strings.length === 1 ? String(strings[0].value) : `${value.children?.length ?? 0} values`;
  }
  if (value.type === 'object') return members(value).map((m) => m.key).join(', ');
  return '';
}

/** The statement's Sid node, when it names the statement. */
function sidOf(statement: Statement): Node | undefined {
  const sid = statement.members.Sid?.value;
  return sid?.type === 'string' && sid.value !== '' ? sid : undefined;
}

function statementName(statement: Statement, index: number): string {
  const sid = sidOf(statement);
  if (sid) return String(sid.value);
  const effect = statement.members.Effect?.value?.value;
  const action = stringNodes((statement.members.Action ?? statement.members.NotAction)?.value)[0]?.value;
  const name = [typeof effect === 'string' ? effect : undefined, typeof action === 'string' ? action : undefined].filter(Boolean).join(' ');
  return name || `Statement ${index + 1}`;
}

export function policySymbols(doc: TextDocument, policy: PolicyDocument): DocumentSymbol[] {
  return policy.statements.map((statement, index) => {
    const sid = sidOf(statement);
    const children: DocumentSymbol[] = [];
    for (const member of elementMembers(statement)) {
      const key = member.key;
      const kind = CHILD_ELEMENTS[key];
      if (kind === undefined) continue;
      children.push({ name: key, detail: summary(member.value), kind, range: range(doc, member.property), selectionRange: range(doc, member.keyNode) });
    }
    return {
      name: statementName(statement, index),
      // Without a Sid the name already says the effect.
      detail: sid ? summary(statement.members.Effect?.value) : undefined,
      kind: SymbolKind.Module,
      range: range(doc, statement.node),
      selectionRange: sid ? range(doc, sid) : range(doc, statement.node, 1),
      children,
    };
  });
}
