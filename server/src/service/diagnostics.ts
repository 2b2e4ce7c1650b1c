/** Turns findings (offsets) into LSP diagnostics (ranges): the one place where that happens. */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleMeta, ruleDocsUrl } from './rules';
import type { Settings } from './settings';
import { lastAtOrBefore } from './text';
import type { Finding, Severity, SeveritySetting, TextEdit } from './types';

export const SOURCE = 'redshift-iam';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function effectiveSeverity(rule: string, settings: Settings | undefined | null): SeveritySetting {
  const override = settings?.rules?.[rule];
  if (override && (override === 'off' || override in SEVERITIES)) return override;
  return ruleMeta(rule)?.severity ?? 'error';
}

export function rangeOf(doc: TextDocument, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

export function toLspEdit(doc: TextDocument, edit: TextEdit) {
  return { range: rangeOf(doc, edit.offset, edit.length), newText: edit.newText };
}

function toDiagnostic(f: Finding, severity: Severity, positionAt: (offset: number) => Position): Diagnostic {
  const d: Diagnostic = {
    range: { start: positionAt(f.offset), end: positionAt(f.offset + f.length) },
    severity: SEVERITIES[severity],
    code: f.rule,
    codeDescription: { href: ruleDocsUrl(f.rule) },
    source: SOURCE,
    message: f.message,
  };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

/** Findings that are not switched off, as diagnostics with their effective severity. */
export function toDiagnostics(doc: TextDocument, findings: Finding[], settings: Settings | undefined | null): Diagnostic[] {
  const result: Diagnostic[] = [];
  const positionAt = positionFinder(doc);
  for (const f of findings) {
    const severity = effectiveSeverity(f.rule, settings);
    if (severity !== 'off') result.push(toDiagnostic(f, severity, positionAt));
  }
  return result;
}

/** `doc.positionAt`, without the line index a TextDocument builds letter by letter on first use (6 ms
 * for a 1 MB script just opened): line feeds are found with indexOf. Texts with carriage returns,
 * which also break lines, keep the document's own. */
function positionFinder(doc: TextDocument): (offset: number) => Position {
  const text = doc.getText();
  if (text.includes('\r')) return (offset) => doc.positionAt(offset);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    const line = lastAtOrBefore(starts, at);
    return { line, character: at - starts[line] };
  };
}
