/** Node entry of the language server: `node dist/server.js --stdio` (or --node-ipc, as the VS Code client uses). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), {
  loadCatalog: () => JSON.parse(readFileSync(join(__dirname, 'catalog.json'), 'utf8')),
});
