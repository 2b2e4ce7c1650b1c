/** What `check` prints: one checked file's diagnostics as text lines, JSON objects or (sarif.ts) SARIF. */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../service/types';

export interface CheckedFile {
  /** As shown to the user: relative to the working folder when inside it, `/`-separated; `<stdin>` for standard input. */
  display: string;
  /** The file's URI when it is outside the working folder (a relative path would climb out of it). */
  outsideUri?: string;
  diagnostics: Diagnostic[];
}

/** The path as shown: relative to the working folder, `/`-separated; outside it, its file URI too. */
export function describePath(cwd: string, path: string): Pick<CheckedFile, 'display' | 'outsideUri'> {
  const rel = relative(cwd, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { display: path.split(sep).join('/'), outsideUri: pathToFileURL(path).href };
  return { display: rel.split(sep).join('/') || '.' };
}

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with its control characters and line separators written as escapes (`\n`, `\u001b`), so that
 * a quoted key or action can neither split a line of text output nor drive the terminal. */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
      lines.push(escapeControlCharacters(`${file.display}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${d.message}`));
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
