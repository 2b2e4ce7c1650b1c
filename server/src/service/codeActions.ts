/** Quick fixes: the fixes that findings carry, offered for the diagnostics in the requested range. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range } from 'vscode-languageserver-types';
import { rangeOf, toLspEdit } from './diagnostics';
import type { Finding } from './types';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `findings` are those of the document as it is now, so edits never apply to stale offsets. */
export function codeActions(doc: TextDocument, findings: Finding[], range: Range, contextDiagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const f of findings) {
    if (!f.fixes?.length) continue;
    const findingRange = rangeOf(doc, f.offset, f.length);
    if (!overlaps(findingRange, range)) continue;
    const diagnostic = contextDiagnostics.find((d) => d.code === f.rule && sameRange(d.range, findingRange));
    for (const fix of f.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        edit: { changes: { [doc.uri]: fix.edits.map((e) => toLspEdit(doc, e)) } },
      });
    }
  }
  return actions;
}
