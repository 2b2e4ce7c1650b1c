/** Shared waits and look-ups of the editor tests: everything waits on editor events, with a deadline. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'redshift-iam.redshift-iam';

export function examplesUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples/ workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * A new untitled document named `name` (its extension gives the language) holding `content`, in
 * an editor. Named, so that it never takes the untitled name of a document just closed: the
 * language client can miss a reopened name, and the document then gets no diagnostics.
 */
export async function openUntitled(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: name });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), content)));
  return editor;
}

/** Closes every editor, discarding unsaved changes (closing a modified editor would ask to save). */
export async function closeAllEditors(): Promise<void> {
  while (vscode.window.tabGroups.all.some((g) => g.tabs.length > 0)) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Rejects when `promise` has not settled within `ms`, saying what it waited for (asked at that moment). */
export async function within<T>(ms: number, what: () => string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks `query` again until `accept` holds for its answer, for state that has no change event
 * (the editor loads contributed snippets lazily, after the first completion request).
 */
export async function pollUntil<T>(what: string, query: () => Thenable<T>, accept: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await query();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; last answer: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Our diagnostics of a document (source "redshift-iam"), other extensions' left out. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'redshift-iam');
}

/** Errors and warnings: what the examples are compared on exactly; information and hints are advice. */
export function problems(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
}

export function ruleId(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

export function ruleIds(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map(ruleId).sort();
}

/** The one diagnostic of `rule` among `diagnostics`. */
export function diagnosticOf(diagnostics: vscode.Diagnostic[], rule: string): vscode.Diagnostic {
  const found = diagnostics.filter((d) => ruleId(d) === rule);
  assert.equal(found.length, 1, `one ${rule} diagnostic among ${ruleIds(diagnostics).join(', ')}`);
  return found[0];
}

/** The position `delta` characters after the start of the first `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${doc.uri.path} contains ${needle}`);
  return doc.positionAt(offset + delta);
}

/**
 * Resolves with our diagnostics of `uri` once `accept` holds for them, checking now and on every
 * onDidChangeDiagnostics of that document.
 */
export async function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  const settled = new Promise<vscode.Diagnostic[]>((resolve) => {
    const check = () => {
      const diagnostics = ourDiagnostics(uri);
      if (accept(diagnostics)) resolve(diagnostics);
    };
    subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
  try {
    return await within(ms, () => `${what} (last seen: ${ruleIds(ourDiagnostics(uri)).join(', ') || 'none'})`, settled);
  } finally {
    subscription?.dispose();
  }
}

/** A fault to type into a document of each language, and the rule that reports it. */
const TYPED_FAULTS: Record<string, { text: string; rule: string }> = {
  json: { text: '}', rule: 'json-syntax' },
  sql: { text: "\nCOPY t FROM 's3://amzn-s3-demo-bucket/k' IAM_ROLE 'not-an-arn';\n", rule: 'iam-role-arn' },
};

/**
 * Shows that the server checks a document and finds no error or warning: a fault typed at its end
 * is reported, and once removed again none is left (waiting for an empty list alone could be
 * satisfied before the server has looked at the document).
 */
export async function expectNoProblems(uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const fault = TYPED_FAULTS[editor.document.languageId];
  assert.ok(fault, `a fault to type into ${editor.document.languageId}`);
  const length = editor.document.getText().length;
  assert.ok(await editor.edit((e) => e.insert(editor.document.positionAt(length), fault.text)));
  await waitForDiagnostics(uri, (d) => ruleIds(d).includes(fault.rule), `${fault.rule} after typing into ${uri.path}`);
  const typed = new vscode.Range(editor.document.positionAt(length), editor.document.positionAt(length + fault.text.length));
  assert.ok(await editor.edit((e) => e.delete(typed)));
  await waitForDiagnostics(uri, (d) => !ruleIds(d).includes(fault.rule) && problems(d).length === 0, `no errors or warnings on ${uri.path}`);
}

/** Opens a document in an editor and waits until its errors and warnings are exactly of these rules; returns all our diagnostics. */
export async function openAndExpectRules(uri: vscode.Uri, expected: string[]): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const editor = await vscode.window.showTextDocument(uri);
  const want = [...expected].sort();
  const diagnostics = await waitForDiagnostics(uri, (d) => JSON.stringify(ruleIds(problems(d))) === JSON.stringify(want), `errors and warnings of ${want.join(', ')} on ${uri.path}`);
  return { editor, diagnostics };
}
