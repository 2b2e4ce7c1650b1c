/** Completion items as the client best receives them. A service's actions are hundreds of items that
 * share one edit range, insert format and resolve data: a client that reads LSP 3.17 item defaults gets
 * those once (VS Code does), which makes the answer for EC2's 868 actions half as long. */
import type { CompletionItem, CompletionList, InsertTextFormat, Range } from 'vscode-languageserver-types';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `items` with their shared edit range (and insert format and data) moved into `itemDefaults`, when the client
 * lists those among the defaults it reads (`completionList.itemDefaults` of its capabilities). The items
 * are made for this one answer and are changed in place: copying hundreds of them would cost more than
 * the smaller answer saves. */
export function withItemDefaults(items: CompletionItem[], clientDefaults: readonly string[]): CompletionItem[] | CompletionList {
  const first = items[0]?.textEdit;
  if (items.length < 2 || !clientDefaults.includes('editRange') || !first || !('range' in first)) return items;
  if (!items.every((i) => i.textEdit && 'range' in i.textEdit && sameRange(i.textEdit.range, first.range))) return items;
  const format: InsertTextFormat | undefined = items[0].insertTextFormat;
  const sharedFormat = clientDefaults.includes('insertTextFormat') && format !== undefined && items.every((i) => i.insertTextFormat === format);
  // Data is shared when the items hold the same object (the service gives all its action items one).
  const data: unknown = items[0].data;
  const sharedData = clientDefaults.includes('data') && data !== undefined && items.every((i) => i.data === data);
  for (const item of items) {
    item.textEditText = item.textEdit!.newText;
    item.textEdit = undefined;
    if (sharedFormat) item.insertTextFormat = undefined;
    if (sharedData) item.data = undefined;
  }
  const itemDefaults: CompletionList['itemDefaults'] = { editRange: first.range };
  if (sharedFormat) itemDefaults.insertTextFormat = format;
  if (sharedData) itemDefaults.data = data;
  return { isIncomplete: false, itemDefaults, items };
}
