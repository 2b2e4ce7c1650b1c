/** "Convert to array" for a single string where a list is allowed (Action, Resource, principals,
 * condition values), and its quick-fix form for the common slip of adding a second value without
 * brackets: `"Action": "s3:GetObject", "s3:PutObject"`, which is not JSON. */
import { createScanner, Node, ScanError, SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { ACTION_ELEMENTS, members, PolicyDocument, PRINCIPAL_ELEMENTS, RESOURCE_ELEMENTS, Statement } from './parse';

interface ListValue { element: string; node: Node }

/** The values of a statement that may be a string or an array of strings. */
function listValues(statement: Statement): ListValue[] {
  const values: ListValue[] = [];
  for (const element of [...ACTION_ELEMENTS, ...RESOURCE_ELEMENTS]) {
    const node = statement.members[element]?.value;
    if (node) values.push({ element, node });
  }
  for (const element of PRINCIPAL_ELEMENTS) {
    for (const m of members(statement.members[element]?.value)) if (m.value) values.push({ element: `${element} ${m.key}`, node: m.value });
  }
  for (const operator of members(statement.members.Condition?.value)) {
    for (const m of members(operator.value)) if (m.value) values.push({ element: m.key, node: m.value });
  }
  return values.filter((v) => v.node.type === 'string');
}

/** Strings that follow `node` after commas without being keys: values typed without brackets. */
function strayValuesAfter(text: string, node: Node): { offset: number; end: number }[] {
  const scanner = createScanner(text, true);
  scanner.setPosition(node.offset + node.length);
  const strays: { offset: number; end: number }[] = [];
  let token = scanner.scan();
  while (token === SyntaxKind.CommaToken) {
    if (scanner.scan() !== SyntaxKind.StringLiteral || scanner.getTokenError() !== ScanError.None) break;
    const stray = { offset: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() };
    token = scanner.scan();
    if (token === SyntaxKind.ColonToken) break;
    strays.push(stray);
  }
  return strays;
}

/** Code actions for the values that `[start, end]` touches. A json-syntax diagnostic of the range is
 * attached to the quick fix that removes it. */
export function convertToArrayActions(doc: TextDocument, policy: PolicyDocument, start: number, end: number, diagnostics: Diagnostic[]): CodeAction[] {
  const text = policy.text;
  const actions: CodeAction[] = [];
  for (const statement of policy.statements) {
    if (statement.node.offset > end || statement.node.offset + statement.node.length < start) continue;
    for (const { element, node } of listValues(statement)) {
      const strays = strayValuesAfter(text, node);
      const spanEnd = strays.length ? strays[strays.length - 1].end : node.offset + node.length;
      if (node.offset > end || spanEnd < start) continue;
      const values = [{ offset: node.offset, end: node.offset + node.length }, ...strays].map((v) => text.slice(v.offset, v.end));
      const range = { start: doc.positionAt(node.offset), end: doc.positionAt(spanEnd) };
      const edit = { changes: { [doc.uri]: [{ range, newText: `[${values.join(', ')}]` }] } };
      if (strays.length === 0) {
        actions.push({ title: 'Convert to array', kind: CodeActionKind.RefactorRewrite, edit });
        continue;
      }
      const syntax = diagnostics.filter((d) => d.code === 'json-syntax' && doc.offsetAt(d.range.start) <= spanEnd && doc.offsetAt(d.range.end) >= node.offset);
      actions.push({
        title: `Put the ${values.length} values of ${element} in an array`,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics: syntax.length ? syntax : undefined,
        edit,
      });
    }
  }
  return actions;
}
