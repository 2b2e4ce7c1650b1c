/** Node entry of the language server: `node dist/server.js --stdio` (or --node-ipc, as the VS Code client uses). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { sqlHelper } from './sqlHelper';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  loadCatalog: () => JSON.parse(readFileSync(join(__dirname, 'catalog.json'), 'utf8')),
  checkSqlApart: sqlHelper(join(__dirname, 'sqlWorker.js'), connection.console),
});
