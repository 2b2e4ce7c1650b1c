/** Shared waits and look-ups of the editor tests: everything waits on editor events, with a deadline. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'redshift-iam.redshift-iam';

export function examplesUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples/ workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Closes every editor, discarding unsaved changes (closing a modified editor would ask to save). */
export async function closeAllEditors(): Promise<void> {
  while (vscode.window.tabGroups.all.some((g) => g.tabs.length > 0)) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Rejects with `what` when `promise` has not settled within `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Our diagnostics of a document (source "redshift-iam"), other extensions' left out. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'redshift-iam');
}

export function ruleIds(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))).sort();
}

/**
 * Resolves with our diagnostics of `uri` once `accept` holds for them, checking now and on every
 * onDidChangeDiagnostics of that document.
 */
export async function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, ms = 20_000): Promise<vscode.Diagnostic[]> {
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
    return await within(ms, `${what} (last seen: ${ruleIds(ourDiagnostics(uri)).join(', ') || 'none'})`, settled);
  } finally {
    subscription?.dispose();
  }
}

/** Opens a document in an editor and waits until the server has published diagnostics with exactly these rule ids. */
export async function openAndExpectRules(uri: vscode.Uri, expected: string[]): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const editor = await vscode.window.showTextDocument(uri);
  const want = [...expected].sort();
  const diagnostics = await waitForDiagnostics(uri, (d) => JSON.stringify(ruleIds(d)) === JSON.stringify(want), `rules ${want.join(', ')} on ${uri.path}`);
  return { editor, diagnostics };
}
