/** The pure language service: everything the editor and the command line know about IAM policies and
 * Redshift SQL. No vscode, no LSP connection: strings in, LSP types out. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Catalog, CatalogData } from './catalog';
import { toDiagnostics } from './diagnostics';
import { isPolicyText, parsePolicy, PolicyDocument, PolicyKind } from './policy/parse';
import { POLICY_RULES } from './policy/rules';
import type { PolicyRule } from './policy/rules/rule';
import type { Settings } from './settings';
import { analyzeSql } from './sql';
import { globToRegExp } from './text';
import type { Finding, Report } from './types';

export type { Settings } from './settings';
export { Catalog } from './catalog';
export type { CatalogData } from './catalog';

export interface ServiceOptions {
  catalog: Catalog | CatalogData;
  /** Called once per rule that throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

const SQL_LANGUAGES = new Set(['sql', 'jinja-sql', 'redshift']);
const JSON_LANGUAGES = new Set(['json', 'jsonc']);

function matchesAny(uri: string, globs: string[] | null | undefined): boolean {
  const path = decodeURIComponent(uri.replace(/^[a-z]+:\/\//i, ''));
  return (globs ?? []).some((g) => typeof g === 'string' && globToRegExp(g).test(path));
}

export function createLanguageService(options: ServiceOptions) {
  const catalog = options.catalog instanceof Catalog ? options.catalog : new Catalog(options.catalog);
  const failedRules = new Set<string>();

  function runRule(id: string, findings: Finding[], run: (report: Report) => void): void {
    try {
      run((f) => findings.push({ ...f, rule: id }));
    } catch (error) {
      if (!failedRules.has(id)) {
        failedRules.add(id);
        options.onRuleError?.(id, error);
      }
    }
  }

  function forcedKind(uri: string, settings: Settings | null | undefined): PolicyKind | undefined {
    const kinds = settings?.kinds ?? {};
    return (['trust', 'identity', 'resource'] as const).find((k) => matchesAny(uri, kinds[k]));
  }

  /** Which analyser a document gets, if any: JSON that is a policy (by content or settings), or SQL.
   * A policy comes back parsed, so it is parsed once. */
  function classify(doc: TextDocument, settings?: Settings | null): { language: 'sql' } | { language: 'policy'; policy: PolicyDocument } | undefined {
    if (SQL_LANGUAGES.has(doc.languageId)) return { language: 'sql' };
    if (!JSON_LANGUAGES.has(doc.languageId) || matchesAny(doc.uri, settings?.exclude)) return undefined;
    const kind = forcedKind(doc.uri, settings);
    const policy = parsePolicy(doc.getText(), kind);
    return kind || matchesAny(doc.uri, settings?.include) || isPolicyText(policy.root) ? { language: 'policy', policy } : undefined;
  }

  function policyFindings(doc: PolicyDocument, rules: PolicyRule[] = POLICY_RULES): Finding[] {
    const findings: Finding[] = [];
    for (const rule of rules) runRule(rule.id, findings, (report) => rule.check(doc, { catalog }, report));
    return findings;
  }

  /** All findings of a document, before settings decide their severity. */
  function findings(doc: TextDocument, settings?: Settings | null): Finding[] {
    const c = classify(doc, settings);
    if (c?.language === 'policy') return policyFindings(c.policy);
    if (c?.language === 'sql') return analyzeSql(doc.getText(), runRule);
    return [];
  }

  function validate(doc: TextDocument, settings?: Settings | null): Diagnostic[] {
    return toDiagnostics(doc, findings(doc, settings), settings);
  }

  return { catalog, classify, findings, validate, parsePolicy, policyFindings };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
