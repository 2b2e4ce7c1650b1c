/** `redshift-iam check`: checks policy JSON and Redshift SQL files with the editor's language service. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../service';
import { loadCatalog, UsageError } from './usage';

const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint',
};
const FAIL_LEVELS: Record<string, number> = { error: 1, warning: 2, information: 3, none: 0 };
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function languageId(path: string): string | undefined {
  if (/\.jsonc?$/i.test(path)) return path.toLowerCase().endsWith('c') ? 'jsonc' : 'json';
  if (/\.sql$/i.test(path)) return 'sql';
  return undefined;
}

function collectFiles(path: string, explicit: boolean, out: string[]): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file or folder`);
  }
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (!SKIPPED_FOLDERS.has(entry)) collectFiles(join(path, entry), false, out);
    }
  } else if (explicit || languageId(path)) {
    out.push(path);
  }
}

export function check(args: string[]): number {
  let failOn = 'error';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--fail-on') {
      failOn = args[++i];
      if (!(failOn in FAIL_LEVELS)) throw new UsageError(`--fail-on takes error, warning, information or none, not "${failOn ?? ''}"`);
    } else if (args[i].startsWith('-')) {
      throw new UsageError(`unknown option ${args[i]}`);
    } else paths.push(args[i]);
  }
  const files: string[] = [];
  for (const p of paths.length ? paths : ['.']) collectFiles(p, true, files);

  const service = createLanguageService({ catalog: loadCatalog() });
  const threshold = FAIL_LEVELS[failOn];
  const counts: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let failing = 0;
  let checked = 0;
  for (const file of files) {
    const doc = TextDocument.create(`file://${join(process.cwd(), file)}`, languageId(file) ?? 'json', 1, readFileSync(file, 'utf8'));
    if (!service.classify(doc)) continue;
    checked++;
    const diagnostics: Diagnostic[] = service.validate(doc);
    for (const d of diagnostics) {
      const severity = d.severity ?? DiagnosticSeverity.Error;
      counts[SEVERITY_NAMES[severity]]++;
      if (severity <= threshold) failing++;
      const where = `${relative(process.cwd(), file) || file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      console.log(`${where} ${SEVERITY_NAMES[severity]} ${d.code} ${d.message}`);
    }
  }
  console.log(`${checked} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information, ${counts.hint} hint(s).`);
  return failing > 0 ? 1 : 0;
}
