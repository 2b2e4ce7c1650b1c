/** Turns findings (offsets) into LSP diagnostics (ranges): the one place where that happens. */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver-types';
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

export function toDiagnostic(doc: TextDocument, f: Finding, severity: Severity): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(doc, f.offset, f.length),
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
  for (const f of findings) {
    const severity = effectiveSeverity(f.rule, settings);
    if (severity !== 'off') result.push(toDiagnostic(doc, f, severity));
  }
  return result;
}
