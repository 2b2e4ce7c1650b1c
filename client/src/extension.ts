/** The extension: starts the language server and registers the commands. Thin by design. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { language: 'json' }, { language: 'jsonc' }, { language: 'sql' }, { language: 'jinja-sql' },
];

/** Restarts a server that died, and tells the user; after five deaths in three minutes it stays down. */
function restartingErrorHandler(): NonNullable<LanguageClientOptions['errorHandler']> {
  const deaths: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && deaths[0] < now - 3 * 60_000) deaths.shift();
      return deaths.length < 5
        ? { action: CloseAction.Restart, message: 'The Redshift IAM language server stopped unexpectedly and was restarted.' }
        : { action: CloseAction.DoNotRestart, message: 'The Redshift IAM language server stopped five times in three minutes and was not restarted. See the "Redshift IAM" output for the cause.' };
    },
  };
}

/** Node options of the server. A 4 MB young generation (V8's default grows it to 16 MB and more) keeps
 * the resident memory after checking a large policy and SQL file near 137 MB instead of 160 MB, for
 * some 10-20% more CPU time in those checks; scripts/bench.mjs starts its server with the same. */
const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4'];

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_OPTIONS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'redshiftIam' },
    errorHandler: restartingErrorHandler(),
  };
  client = new LanguageClient('redshiftIam', 'Redshift IAM', serverOptions, clientOptions);
  await client.start();
  registerCommands(context, client);
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
