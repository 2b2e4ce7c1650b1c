/** LSP wiring only: capabilities, handlers, settings, debounced validation. The smarts live in service/. */
import {
  CancellationToken, CodeAction, CodeActionKind, CompletionItem, CompletionList, Connection, Diagnostic, DidChangeConfigurationNotification, DocumentSymbol, Hover,
  ResponseError, LSPErrorCodes, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, folderPrefix, type CatalogData, type Settings } from './service';
import { codeActions } from './service/codeActions';
import { withItemDefaults } from './service/completionList';
import { generatePermissions, generateRoleChain, generateTrustPolicy } from './service/generators';
import { roleChainAt } from './service/sql';
import {
  GENERATE_CHAIN, GENERATE_PERMISSIONS, GENERATE_TRUST_POLICY, ROLE_CHAIN_AT, type GenerateChainParams, type GeneratePermissionsParams,
  type GenerateResult, type GenerateTrustPolicyParams, type RoleChainAtParams, type RoleChainAtResult,
} from './protocol';

export interface Runtime {
  loadCatalog(): CatalogData;
}

/** Role ARNs as written in policies and in SQL IAM_ROLE clauses (a comma separates chained roles there). */
const ROLE_ARN = /arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=.@/-]*[\w+=@/-]/g;

/** Characters after which an editor asks for completions: opening quotes, the colon of `service:`, list
 * commas, ARN path slashes and the space after a key. */
const COMPLETION_TRIGGERS = ['"', ':', ',', "'", '/', ' '];

/** Delay between the last keystroke and re-validation of a document. */
export const VALIDATION_DELAY_MS = 150;

export function startServer(connection: Connection, runtime: Runtime): void {
  const documents = new TextDocuments(TextDocument);
  const service = createLanguageService({
    catalog: runtime.loadCatalog(),
    onRuleError: (id, error) => connection.console.error(`Rule ${id} failed and was skipped: ${error instanceof Error ? error.stack : String(error)}`),
  });
  const pending = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let supportsConfiguration = false;
  let supportsWorkspaceFolders = false;
  let workspaceFolders: string[] = [];
  /** The completion item defaults the client reads (LSP 3.17). */
  let completionDefaults: string[] = [];
  const roleArnsByDocument = new Map<string, { version: number; arns: string[] }>();

  /** Role ARNs found in the open documents other than `uri`, each document scanned once per version. */
  function roleArnsOutside(uri: string): string[] {
    const arns = new Set<string>();
    for (const doc of documents.all()) {
      if (doc.uri === uri) continue;
      let found = roleArnsByDocument.get(doc.uri);
      if (found?.version !== doc.version) {
        found = { version: doc.version, arns: [...new Set(doc.getText().match(ROLE_ARN))] };
        roleArnsByDocument.set(doc.uri, found);
      }
      for (const arn of found.arns) arns.add(arn);
    }
    return [...arns];
  }

  /** The workspace folder that holds `uri` (the innermost), which the settings' globs start from. */
  function folderOf(uri: string): string | undefined {
    let found: string | undefined;
    for (const folder of workspaceFolders) {
      if (uri.startsWith(folderPrefix(folder)) && (!found || folder.length > found.length)) found = folder;
    }
    return found;
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!supportsConfiguration) return Promise.resolve({ folder: folderOf(uri) });
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'redshiftIam' })
        .then((s: Settings | null) => ({ ...s, folder: folderOf(uri) }), () => ({ folder: folderOf(uri) }));
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** Runs a request handler so that it never throws at the client: errors are logged and answered
   * with a fallback; a cancelled request gets the LSP cancellation error. */
  function runSafe<T>(name: string, token: CancellationToken, fallback: T, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
    return new Promise((resolve) => {
      setImmediate(async () => {
        if (token.isCancellationRequested) return resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled'));
        try {
          const result = await work();
          resolve(token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled') : result);
        } catch (error) {
          connection.console.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
          resolve(fallback);
        }
      });
    });
  }

  /** The latest check started on each open document: an earlier one still running stops at its next step. */
  const latestChecks = new Map<string, number>();
  let checksStarted = 0;

  async function validate(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const check = ++checksStarted;
    latestChecks.set(doc.uri, check);
    // Superseded by an edit, by a newer check (settings changed) or by the document's closing.
    const superseded = () => latestChecks.get(doc.uri) !== check || documents.get(doc.uri)?.version !== version;
    let diagnostics: Diagnostic[] = [];
    try {
      const settings = await getSettings(doc.uri);
      // The document may have changed or closed while the settings were fetched.
      if (superseded()) return;
      // A step at a time, with the requests that came meanwhile served in between: completion and hover
      // in a large file wait for one step rather than the whole check, and an edit stops the check it outdates.
      const steps = service.validationSteps(doc, settings);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          diagnostics = step.value;
          break;
        }
        await new Promise(setImmediate);
        if (superseded()) return;
      }
    } catch (error) {
      connection.console.error(`Validation of ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  function schedule(doc: TextDocument, delay: number): void {
    clearTimeout(pending.get(doc.uri));
    pending.set(doc.uri, setTimeout(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) void validate(current);
    }, delay));
  }

  connection.onInitialize((params) => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    completionDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        hoverProvider: true,
        documentSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'redshift-iam', version: service.catalog.version },
    };
  });

  /** Settings (and the folders their globs start from) changed: every open document is checked again. */
  function settingsChanged(): void {
    settingsCache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  }

  connection.onInitialized(() => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'redshiftIam' });
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        settingsChanged();
      });
    }
  });

  connection.onDidChangeConfiguration(settingsChanged);

  // onDidChangeContent also fires for an open: a newly opened document is validated at once (not
  // through a timer, which waits at least a millisecond).
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => justOpened.add(e.document.uri));
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) void validate(e.document);
    else schedule(e.document, VALIDATION_DELAY_MS);
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    latestChecks.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    service.forget(e.document);
    roleArnsByDocument.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params, token) => runSafe('codeAction', token, [] as CodeAction[], async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const settings = await getSettings(doc.uri);
    const actions = [
      ...codeActions(doc, service.findings(doc, settings), params.range, params.context.diagnostics),
      ...service.editActions(doc, params.range, params.context.diagnostics, settings),
    ];
    const only = params.context.only;
    return only ? actions.filter((a) => only.some((kind) => a.kind === kind || a.kind?.startsWith(`${kind}.`))) : actions;
  }));

  connection.onCompletion((params, token) => runSafe('completion', token, [] as CompletionItem[] | CompletionList, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return withItemDefaults(service.complete(doc, params.position, await getSettings(doc.uri), roleArnsOutside(doc.uri)), completionDefaults);
  }));

  connection.onCompletionResolve((item, token) => runSafe('completionResolve', token, item, () => service.resolveCompletion(item)));

  connection.onHover((params, token) => runSafe('hover', token, null as Hover | null, async () => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.hover(doc, params.position, await getSettings(doc.uri)) : null;
  }));

  connection.onDocumentSymbol((params, token) => runSafe('documentSymbol', token, [] as DocumentSymbol[], async () => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.documentSymbols(doc, await getSettings(doc.uri)) : [];
  }));

  const generatorFailed: GenerateResult = { ok: false, problem: 'The generator failed; see the Redshift IAM output for details.' };
  connection.onRequest(GENERATE_TRUST_POLICY, (params: GenerateTrustPolicyParams, token) => runSafe(GENERATE_TRUST_POLICY, token, generatorFailed, () => generateTrustPolicy(params)));
  connection.onRequest(GENERATE_CHAIN, (params: GenerateChainParams, token) => runSafe(GENERATE_CHAIN, token, generatorFailed, () => generateRoleChain(params)));
  connection.onRequest(GENERATE_PERMISSIONS, (params: GeneratePermissionsParams, token) => runSafe(GENERATE_PERMISSIONS, token, generatorFailed, () => {
    const doc = documents.get(params.uri);
    if (!doc) return { ok: false, problem: `${params.uri} is not open in the editor.` } satisfies GenerateResult;
    const { account, region, defaultRole } = params;
    return generatePermissions({ text: doc.getText(), offset: doc.offsetAt(params.position), account, region, defaultRole }, service.catalog);
  }));
  connection.onRequest(ROLE_CHAIN_AT, (params: RoleChainAtParams, token) => runSafe(ROLE_CHAIN_AT, token, null as RoleChainAtResult, () => {
    const doc = documents.get(params.uri);
    return doc ? roleChainAt(doc.getText(), doc.offsetAt(params.position)) : null;
  }));

  documents.listen(connection);
  connection.listen();
}
