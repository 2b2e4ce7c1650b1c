/** Helpers for the editor-feature tests: a `|` cursor marker in the test text, and applying the edits
 * the service returns to see the text a user would get. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { documentOf, getService } from './helpers';

export interface Cursor {
  doc: TextDocument;
  text: string;
  offset: number;
  position: Position;
}

let documents = 0;

/** The text without its single `|` marker, and the marker's place, in a document of its own (the
 * service keeps the last parse of each document). */
export function atCursor(marked: string, languageId = 'json'): Cursor {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error(`expected exactly one | in ${marked}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = documentOf(text, languageId, `file:///test/editing-${++documents}.json`);
  return { doc, text, offset, position: doc.positionAt(offset) };
}

export function completionsAt(marked: string, roleArns: string[] = []): CompletionItem[] & { cursor: Cursor } {
  const cursor = atCursor(marked);
  return Object.assign(getService().complete(cursor.doc, cursor.position, {}, roleArns), { cursor });
}

/** A snippet as inserted when the user accepts every default: placeholders keep their default text,
 * choices their first option, bare tab stops nothing. */
export function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      const placeholder = /^\d+:(.*)$/.exec(body);
      out += choice ? choice[1] : placeholder ? placeholder[1] : '';
      i = close;
    } else out += c;
  }
  return out;
}

/** The text after applying `edits` (non-overlapping, any order). */
export function applyEdits(doc: TextDocument, edits: TextEdit[]): string {
  const text = doc.getText();
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  return sorted.reduce((t, e) => t.slice(0, doc.offsetAt(e.range.start)) + e.newText + t.slice(doc.offsetAt(e.range.end)), text);
}

/** The text after accepting a completion item with its snippet defaults (and its additional edits). */
export function accept(cursor: Cursor, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return applyEdits(cursor.doc, [{ range: edit.range, newText: expandSnippet(edit.newText) }, ...(item.additionalTextEdits ?? [])]);
}

/** The text an item's edit replaces, up to the cursor: what VS Code filters the list with. */
export function filterWord(cursor: Cursor, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return cursor.text.slice(cursor.doc.offsetAt(edit.range.start), cursor.offset);
}
