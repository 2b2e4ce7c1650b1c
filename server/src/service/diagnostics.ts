/** Turns findings (offsets) into LSP diagnostics (ranges): the one place where that happens. */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleMeta, ruleDocsUrl } from './rules';
import type { Settings } from './settings';
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
  const shown = findings.flatMap((f) => {
    const severity = effectiveSeverity(f.rule, settings);
    return severity === 'off' ? [] : [{ f, severity }];
  });
  const positionAt = positionFinder(doc, shown.flatMap(({ f }) => [f.offset, f.offset + f.length]));
  return shown.map(({ f, severity }) => toDiagnostic(f, severity, positionAt));
}

/** `doc.positionAt` for the given offsets, found in one pass over the line feeds up to the last of them:
 * no index of every line, which a TextDocument builds letter by letter on first use (6 ms for a 1 MB
 * script just opened) and which a few findings do not need. Texts with carriage returns, which also
 * break lines, keep the document's own. */
function positionFinder(doc: TextDocument, offsets: number[]): (offset: number) => Position {
  const text = doc.getText();
  if (text.includes('\r')) return (offset) => doc.positionAt(offset);
  const clamp = (offset: number) => Math.max(0, Math.min(offset, text.length));
  const positions = new Map<number, { line: number; character: number }>();
  let line = 0;
  let lineStart = 0;
  let lineFeed = text.indexOf('\n');
  for (const at of offsets.map(clamp).sort((a, b) => a - b)) {
    for (; lineFeed >= 0 && lineFeed < at; lineFeed = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = lineFeed + 1;
    }
    positions.set(at, { line, character: at - lineStart });
  }
  return (offset) => {
    // A new object each time: two diagnostics never share a position.
    const { line, character } = positions.get(clamp(offset))!;
    return { line, character };
  };
}
