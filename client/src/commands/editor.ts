/** What the commands read from the active editor. */
import * as vscode from 'vscode';
import type { DocumentPosition } from '../../../server/src/protocol';

/** Languages the server reads as Redshift SQL (those of the extension's document selector). */
const SQL_LANGUAGES = new Set(['sql', 'jinja-sql']);

/** The cursor of the active editor when it shows SQL. */
export function sqlCursor(): DocumentPosition | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !SQL_LANGUAGES.has(editor.document.languageId)) return undefined;
  const { line, character } = editor.selection.active;
  return { uri: editor.document.uri.toString(), position: { line, character } };
}
