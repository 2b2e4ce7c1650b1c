/** Where generated documents go: each into its own new untitled editor, named after its role and
 * kind, or into files in a folder the user picks, never replacing a file without asking. */
import * as vscode from 'vscode';
import type { CommandResult, GeneratedDocument, OutputTarget, ProducedDocument } from '../../../server/src/protocol';
import { pickOne } from './prompts';

/** An untitled URI with the document's name, made unique among the open documents, so that the
 * editor tab shows the role and kind. */
function untitledUri(name: string): vscode.Uri {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const dot = name.indexOf('.');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.from({ scheme: 'untitled', path: n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}` });
    if (!open.has(candidate.toString())) return candidate;
  }
}

/** The content as a snippet whose placeholders are tab stops (the same placeholder shares one, so
 * typing the account once fills it everywhere); the text left after accepting them is the content. */
function snippetOf(content: string, placeholders: string[]): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  const pattern = new RegExp(placeholders.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let last = 0;
  for (const match of content.matchAll(pattern)) {
    snippet.appendText(content.slice(last, match.index));
    snippet.appendPlaceholder(match[0], placeholders.indexOf(match[0]) + 1);
    last = match.index + match[0].length;
  }
  return snippet.appendText(content.slice(last));
}

async function openInEditors(documents: GeneratedDocument[]): Promise<ProducedDocument[]> {
  const produced: ProducedDocument[] = [];
  for (const generated of documents) {
    const uri = untitledUri(generated.name);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== generated.language) doc = await vscode.languages.setTextDocumentLanguage(doc, generated.language);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    if (generated.placeholders?.length) {
      await editor.insertSnippet(snippetOf(generated.content, generated.placeholders), new vscode.Position(0, 0));
    } else {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), generated.content);
      await vscode.workspace.applyEdit(edit);
    }
    produced.push(describe(uri, generated));
  }
  return produced;
}

function describe(uri: vscode.Uri, generated: GeneratedDocument): ProducedDocument {
  return { uri: uri.toString(), name: generated.name, kind: generated.kind, language: generated.language, content: generated.content };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function writeToFolder(documents: GeneratedDocument[], folder: vscode.Uri, overwrite: boolean | undefined): Promise<CommandResult | undefined> {
  const files = documents.map((d) => ({ generated: d, uri: vscode.Uri.joinPath(folder, d.name) }));
  const existing: string[] = [];
  for (const f of files) if (await exists(f.uri)) existing.push(f.generated.name);
  if (existing.length && overwrite === false) {
    return { error: `Not overwriting ${existing.join(', ')} in ${folder.fsPath}; nothing was written.` };
  }
  if (existing.length && overwrite === undefined) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      existing.length === 1 ? `${existing[0]} already exists in ${folder.fsPath}. Replace it?` : `${existing.length} files already exist in ${folder.fsPath}. Replace them?`,
      { modal: true, detail: existing.join('\n') }, replace);
    if (answer !== replace) return undefined;
  }
  for (const f of files) await vscode.workspace.fs.writeFile(f.uri, new TextEncoder().encode(f.generated.content));
  void vscode.window.showInformationMessage(`Wrote ${files.map((f) => f.generated.name).join(', ')} to ${folder.fsPath}.`);
  return { documents: files.map((f) => describe(f.uri, f.generated)) };
}

/** Asks where the documents go when the command arguments do not say. */
async function chooseTarget(count: number): Promise<OutputTarget | undefined> {
  const kind = await pickOne('Redshift IAM: output', [
    { label: count === 1 ? 'Open in a new editor' : `Open in ${count} new editors`, value: 'editors' as const },
    { label: 'Save to a folder…', value: 'folder' as const },
  ], 'Where should the generated documents go?');
  if (kind !== 'folder') return kind && { kind };
  const [folder] = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Save here', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri }) ?? [];
  return folder && { kind: 'folder', folder: folder.toString() };
}

/** Puts the documents where `target` says (asking when `interactive` and no target is given). */
export async function deliver(documents: GeneratedDocument[], target: OutputTarget | undefined, interactive: boolean): Promise<CommandResult | undefined> {
  const chosen = target ?? (interactive ? await chooseTarget(documents.length) : { kind: 'editors' });
  if (!chosen) return undefined;
  if (chosen.kind === 'editors') return { documents: await openInEditors(documents) };
  // A folder may be given as a URI or as a path.
  const folder = /^[a-z][\w+.-]+:/i.test(chosen.folder) && !/^[a-z]:[\\/]/i.test(chosen.folder) ? vscode.Uri.parse(chosen.folder) : vscode.Uri.file(chosen.folder);
  return writeToFolder(documents, folder, chosen.overwrite);
}
