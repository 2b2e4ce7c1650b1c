/** The pure language service: everything the editor and the command line know about IAM policies and
 * Redshift SQL. No vscode, no LSP connection: strings in, LSP types out. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import { Catalog, CatalogData } from './catalog';
import { toDiagnostics } from './diagnostics';
import { completePolicy, resolvePolicyCompletion } from './policy/completion';
import { hoverPolicy } from './policy/hover';
import { isPolicyText, NESTED_TOO_DEEP, parsePolicy, PolicyDocument, PolicyKind } from './policy/parse';
import { POLICY_RULES } from './policy/rules';
import type { PolicyRule } from './policy/rules/rule';
import { policySymbols } from './policy/symbols';
import { convertToArrayActions } from './policy/to-array';
import type { Settings } from './settings';
import { sqlFindingSteps, type SqlCheck } from './sql';
import { completeSql } from './sql/completion';
import { hoverSql } from './sql/hover';
import { forgetBoundaries } from './sql/statements';
import { finish, type Steps } from './steps';
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

/** How many documents keep their parse: the open editors a user switches between. */
const PARSE_CACHE_SIZE = 16;
export const DEFAULT_MAX_STATEMENTS = 10_000;
const SQL_LANGUAGES = new Set(['sql', 'jinja-sql', 'redshift']);
const JSON_LANGUAGES = new Set(['json', 'jsonc']);
/** What a text needs to be a policy by its content: a Statement or Version key (see isPolicyText). */
const POLICY_KEY = /statement|"Version"/i;

/** A URI's path with its escapes decoded; a malformed escape (`%zz`) is kept as written. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** What the URIs of the files in `folder` (a URI) start with: the folder with a trailing slash. */
export function folderPrefix(folder: string): string {
  return folder.endsWith('/') ? folder : `${folder}/`;
}

/** Whether the document at `uri` matches one of `globs`, relative to `folder` (see Settings) when it is in it. */
export function matchesGlobs(uri: string, globs: string[] | null | undefined, folder: string | null | undefined): boolean {
  if (!globs?.length) return false;
  const base = folder ? folderPrefix(folder) : undefined;
  const relative = !!base && uri.startsWith(base);
  const path = decodedPath(relative ? uri.slice(base.length) : uri.replace(/^[a-z]+:\/\//i, ''));
  return globs.some((g) => typeof g === 'string' && globToRegExp(g, relative).test(path));
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
    return (['trust', 'identity', 'resource'] as const).find((k) => matchesGlobs(uri, kinds[k], settings?.folder));
  }

  /** The last parse of each recent document, reused while its text is unchanged, so that completion
   * and hover in a large policy do not parse it again on every request. With `olderTextWillDo`, the
   * parse of an earlier version serves too: completion reads the current text near the cursor. */
  const parses = new Map<string, { text: string; kind?: PolicyKind; policy: PolicyDocument }>();
  function parsedPolicy(uri: string, text: string, kind?: PolicyKind, olderTextWillDo = false): PolicyDocument {
    const hit = parses.get(uri);
    if (hit && (hit.text === text || olderTextWillDo) && hit.kind === kind) return hit.policy;
    const policy = parsePolicy(text, kind);
    parses.delete(uri);
    parses.set(uri, { text, kind, policy });
    if (parses.size > PARSE_CACHE_SIZE) parses.delete(parses.keys().next().value!);
    return policy;
  }

  /** Drops what is kept of a closed document. */
  function forget(doc: TextDocument): void {
    const checked = findingsCache.get(doc.uri)?.text;
    parses.delete(doc.uri);
    findingsCache.delete(doc.uri);
    forgetBoundaries(doc.getText());
    if (checked !== undefined) forgetBoundaries(checked);
  }

  /** Which analyser a document gets, if any: JSON that is a policy (by content or settings), or SQL.
   * A policy comes back parsed, so it is parsed once. */
  function classify(doc: TextDocument, settings?: Settings | null, olderParseWillDo = false): { language: 'sql' } | { language: 'policy'; policy: PolicyDocument } | undefined {
    if (SQL_LANGUAGES.has(doc.languageId)) return { language: 'sql' };
    if (!JSON_LANGUAGES.has(doc.languageId) || matchesGlobs(doc.uri, settings?.exclude, settings?.folder)) return undefined;
    const kind = forcedKind(doc.uri, settings);
    // A text nested too deep to parse is a policy by its keys alone: json-syntax then says why it is not read.
    const isPolicy = (policy: PolicyDocument) => kind || matchesGlobs(doc.uri, settings?.include, settings?.folder) || isPolicyText(policy.root)
      || (policy.syntaxErrors[0]?.error === NESTED_TOO_DEEP && POLICY_KEY.test(policy.text));
    let policy = parsedPolicy(doc.uri, doc.getText(), kind, olderParseWillDo);
    // An earlier text that was no policy says nothing of this one: a new file that a policy was just
    // typed or pasted into. (A JSON file with neither key is not parsed again.)
    if (olderParseWillDo && !isPolicy(policy) && POLICY_KEY.test(doc.getText())) policy = parsedPolicy(doc.uri, doc.getText(), kind);
    return isPolicy(policy) ? { language: 'policy', policy } : undefined;
  }

  function* policyFindingSteps(doc: PolicyDocument, rules: PolicyRule[] = POLICY_RULES): Steps<Finding[]> {
    const findings: Finding[] = [];
    for (const rule of rules) {
      yield;
      runRule(rule.id, findings, (report) => rule.check(doc, { catalog }, report));
    }
    return findings;
  }

  function policyFindings(doc: PolicyDocument, rules: PolicyRule[] = POLICY_RULES): Finding[] {
    return finish(policyFindingSteps(doc, rules));
  }

  /** A view of a policy limited to its first statements, so that a huge generated policy is checked
   * within seconds; the large-policy rule tells the user. */
  function withinLimit(policy: PolicyDocument, settings?: Settings | null): PolicyDocument {
    const max = settings?.maxStatements;
    const limit = typeof max === 'number' && max > 0 ? Math.floor(max) : DEFAULT_MAX_STATEMENTS;
    if (policy.statements.length <= limit) return policy;
    return { ...policy, statements: policy.statements.slice(0, limit), truncated: { firstSkipped: policy.statements[limit].node, total: policy.statements.length } };
  }

  /** The last findings of each recent document, reused while its text and settings are unchanged:
   * the editor asks for code actions at every cursor move. For a SQL script, also what the next check
   * after an edit keeps of them. */
  const findingsCache = new Map<string, { text: string; settings?: Settings | null; findings: Finding[]; sqlCheck?: SqlCheck }>();

  /** All findings of a document, before settings decide their severity, a step at a time: the parse,
   * then one rule per step. */
  function* findingSteps(doc: TextDocument, settings?: Settings | null): Steps<Finding[]> {
    const text = doc.getText();
    const hit = findingsCache.get(doc.uri);
    if (hit && hit.text === text && hit.settings === settings) return hit.findings;
    const c = classify(doc, settings);
    let result: Finding[] = [];
    let sqlCheck: SqlCheck | undefined;
    if (c?.language === 'policy') result = yield* policyFindingSteps(withinLimit(c.policy, settings));
    else if (c?.language === 'sql') ({ findings: result, check: sqlCheck } = yield* sqlFindingSteps(text, runRule, hit?.sqlCheck));
    findingsCache.delete(doc.uri);
    findingsCache.set(doc.uri, { text, settings, findings: result, sqlCheck });
    if (findingsCache.size > PARSE_CACHE_SIZE) findingsCache.delete(findingsCache.keys().next().value!);
    return result;
  }

  function findings(doc: TextDocument, settings?: Settings | null): Finding[] {
    return finish(findingSteps(doc, settings));
  }

  /** The diagnostics of a document a step at a time, for a caller that serves other requests between
   * the steps of a large document. Such a caller must stop when the document changes: the last step
   * places the findings in the document as it is then. */
  function* validationSteps(doc: TextDocument, settings?: Settings | null): Steps<Diagnostic[]> {
    return toDiagnostics(doc, yield* findingSteps(doc, settings), settings);
  }

  function validate(doc: TextDocument, settings?: Settings | null): Diagnostic[] {
    return finish(validationSteps(doc, settings));
  }

  /** Completion comes right after a keystroke, before validation parses the new text: it works from
   * the last parse of the document and the current text around the cursor. */
  function complete(doc: TextDocument, position: Position, settings?: Settings | null, roleArns: string[] = []): CompletionItem[] {
    const c = classify(doc, settings, true);
    if (c?.language === 'policy') return completePolicy(doc, c.policy, doc.offsetAt(position), { catalog, roleArns });
    if (c?.language === 'sql') return completeSql(doc, doc.offsetAt(position), { catalog, roleArns });
    return [];
  }

  /** Documentation that completion leaves out of long lists, for the item the editor shows. */
  function resolveCompletion(item: CompletionItem): CompletionItem {
    return resolvePolicyCompletion(item, catalog);
  }

  function hover(doc: TextDocument, position: Position, settings?: Settings | null): Hover | null {
    const c = classify(doc, settings);
    if (c?.language === 'policy') return hoverPolicy(doc, c.policy, doc.offsetAt(position), { catalog });
    if (c?.language === 'sql') return hoverSql(doc, doc.offsetAt(position), { catalog });
    return null;
  }

  function documentSymbols(doc: TextDocument, settings?: Settings | null): DocumentSymbol[] {
    const c = classify(doc, settings);
    return c?.language === 'policy' ? policySymbols(doc, c.policy) : [];
  }

  /** Editing help that is not a rule's fix: converting a single value to an array. */
  function editActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[] = [], settings?: Settings | null): CodeAction[] {
    const c = classify(doc, settings);
    return c?.language === 'policy' ? convertToArrayActions(doc, c.policy, doc.offsetAt(range.start), doc.offsetAt(range.end), diagnostics) : [];
  }

  return { catalog, classify, findings, validate, validationSteps, parsePolicy, policyFindings, complete, resolveCompletion, hover, documentSymbols, editActions, forget };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
