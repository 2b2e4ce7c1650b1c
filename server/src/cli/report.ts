/** What `check` prints: one checked file's diagnostics as text lines, JSON objects or (sarif.ts) SARIF. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../service/types';

export interface CheckedFile {
  /** As shown to the user: relative to the working folder when inside it, `/`-separated; `<stdin>` for standard input. */
  display: string;
  /** The file's URI when it is outside the working folder (a relative path would climb out of it). */
  outsideUri?: string;
  diagnostics: Diagnostic[];
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityOf(d: Diagnostic): Severity {
  return SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error];
}

/** Diagnostics in reading order: by start line, then column. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;

/** `path:line:col severity rule-id message` per finding (1-based), then a summary line. */
export function toText(files: CheckedFile[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      const severity = severityOf(d);
      counts[severity]++;
      lines.push(`${file.display}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${d.message}`);
    }
  }
  lines.push(`${plural(files.length, 'file')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, `
    + `${plural(counts.information, 'information')}, ${plural(counts.hint, 'hint')}.`);
  return lines.join('\n');
}

/** An array of findings with LSP (0-based) ranges. */
export function toJson(files: CheckedFile[]): object[] {
  return files.flatMap((file) => file.diagnostics.map((d) => ({
    file: file.display,
    range: d.range,
    severity: severityOf(d),
    code: d.code,
    message: d.message,
  })));
}
