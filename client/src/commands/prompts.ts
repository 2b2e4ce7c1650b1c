/** The prompts the commands use. Each resolves to undefined when the user cancels; values are
 * checked as they are typed or picked, so a wrong value never reaches the server. */
import * as vscode from 'vscode';

export type Choice<T> = vscode.QuickPickItem & { value: T };

export async function pickOne<T>(title: string, items: Choice<T>[], placeHolder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.value;
}

/** Several choices; `problem` judges the selection as it changes and holds acceptance back while
 * it finds one (a quick pick has no validation message, so the problem shows as its placeholder). */
export function pickMany<T>(title: string, items: Choice<T>[], placeholder: string, problem: (values: T[]) => string | undefined = () => undefined): Promise<T[] | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<Choice<T>>();
    let settled = false;
    const finish = (values: T[] | undefined) => {
      if (settled) return;
      settled = true;
      resolve(values);
      pick.dispose();
    };
    Object.assign(pick, { title, placeholder, items, canSelectMany: true, ignoreFocusOut: true, matchOnDescription: true });
    pick.selectedItems = items.filter((i) => i.picked);
    const values = () => pick.selectedItems.map((i) => i.value);
    pick.onDidChangeSelection(() => { pick.placeholder = problem(values()) ?? placeholder; });
    pick.onDidAccept(() => {
      const found = problem(values());
      if (found) pick.placeholder = found;
      else finish(values());
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

export function askText(title: string, prompt: string, check: (value: string) => string | undefined, value = '', placeHolder?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, placeHolder, ignoreFocusOut: true, validateInput: (v) => check(v.trim()) }).then((v) => v?.trim());
}
