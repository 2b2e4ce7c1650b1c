// `npm run editor`: builds and packages the extension, installs it into a fresh code-server and
// serves the examples/ workspace until Ctrl+C, which stops code-server's whole process group.
// Options: --port <n> (default: a free port).
import { parseArgs } from 'node:util';
import { EXAMPLES, VSIX, ensureEditorTools, packageExtension, startCodeServer, workbenchUrl } from './editor/code-server.mjs';

const { values: options } = parseArgs({ options: { port: { type: 'string' } } });
ensureEditorTools();
packageExtension();
const server = await startCodeServer({ workspace: EXAMPLES, vsix: VSIX, port: options.port ? Number(options.port) : undefined, onOutput: console.log });
console.log(`\nRedshift IAM in VS Code: ${workbenchUrl(server, EXAMPLES)}\nCtrl+C stops it.`);
let stopping = false;
const stop = async () => {
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
const code = await server.exited;
if (!stopping) {
  console.error(`code-server exited on its own (${code})`);
  await server.stop();
  process.exit(1);
}
