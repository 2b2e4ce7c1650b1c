/** The extension: starts the language server and registers the commands. Thin by design. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { language: 'json' }, { language: 'jsonc' }, { language: 'sql' }, { language: 'jinja-sql' },
];

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'redshiftIam' },
  };
  client = new LanguageClient('redshiftIam', 'Redshift IAM', serverOptions, clientOptions);
  context.subscriptions.push(client.onDidChangeState((e) => {
    if (e.oldState === State.Running && e.newState === State.Starting) {
      void vscode.window.showWarningMessage('The Redshift IAM language server stopped unexpectedly and is restarting.');
    }
  }));
  await client.start();
  registerCommands(context, client);
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
