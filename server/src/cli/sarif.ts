/** SARIF 2.1.0 output of `check`, as GitHub code scanning and other SARIF viewers read it. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { repository, version } from '../../../package.json';
import { ALL_RULES, ruleDocsUrl } from '../service/rules';
import type { Severity } from '../service/types';
import { severityOf, type CheckedFile } from './report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF has no "information" or "hint" level: both are notes. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Where a file is: relative to the source root (the working folder) when inside it, as GitHub expects. */
function artifactLocation(file: CheckedFile): { uri: string; uriBaseId?: string } {
  if (file.outsideUri) return { uri: file.outsideUri };
  return { uri: file.display.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function toSarif(files: CheckedFile[]): object {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const results = files.flatMap((file) => file.diagnostics.map((d: Diagnostic) => {
    const { start, end } = d.range;
    const index = ruleIndex.get(String(d.code));
    return {
      ruleId: String(d.code),
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: LEVELS[severityOf(d)],
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactLocation(file),
          // SARIF lines and columns are 1-based and the end column is exclusive, like the LSP end character.
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      }],
    };
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'redshift-iam',
          version,
          semanticVersion: version,
          informationUri: repository.url,
          rules: ALL_RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            helpUri: ruleDocsUrl(r.id),
            defaultConfiguration: { level: LEVELS[r.severity] },
          })),
        },
      },
      // LSP character positions count UTF-16 code units.
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}
