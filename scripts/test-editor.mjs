// `npm run test:editor`: runs test/integration in a real VS Code (code-server) over examples/,
// loading the extension from this folder, through the smoke-test driver's `payload` (the same
// extensionDevelopmentPath / extensionTestsPath contract as @vscode/test-electron).
// Options: --grep <pattern> (mocha grep), --timeout <seconds> (for the suite once the workbench
// opens, default 600; starting code-server and opening the page have their own limits).
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import { EXAMPLES, REPO, ensureEditorTools, launchBrowser, remoteUri, run, startCodeServer, workbenchUrl } from './editor/code-server.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' }, timeout: { type: 'string', default: '600' } } });
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

ensureEditorTools();
run(process.execPath, ['esbuild.mjs', '--test']);

// Everything the workbench and the extension host log goes to this file; the console shows the
// suite's own output, from the line the suite prints first (test/integration/index.ts).
const LOG_FILE = path.join(REPO, 'test-results', 'editor-tests.log');
const SUITE_STARTS = 'redshift-iam editor tests start';
mkdirSync(path.dirname(LOG_FILE), { recursive: true });
const log = createWriteStream(LOG_FILE);
let suiteStarted = false;

let server;
let browser;
let tally;
const cleanup = async () => {
  await browser?.close();
  await server?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { void cleanup().finally(() => process.exit(130)); });
}

let exitCode = 1;
try {
  server = await startCodeServer({ workspace: EXAMPLES, testDriver: true, onOutput: (text) => log.write(`[code-server] ${text}\n`) });
  console.log(`code-server ready at ${server.url} (${seconds()} s)`);
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  const finished = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...args);
    log.write(`${line}\n`);
    const suiteTally = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
    if (suiteTally) tally = suiteTally; // printed once, at the very end
    else if (line === SUITE_STARTS) suiteStarted = true;
    else if (suiteStarted) console.log(line);
  });
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, REPO)],
    ['extensionTestsPath', remoteUri(server, path.join(REPO, 'out', 'integration', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  if (options.grep) payload.push(['extensionEnvironment', JSON.stringify({ MOCHA_GREP: options.grep })]);
  await page.goto(workbenchUrl(server, EXAMPLES, payload));
  console.log(`workbench opened (${seconds()} s)`);
  let timer;
  const timeLimit = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), Number(options.timeout) * 1000); });
  const outcome = await Promise.race([finished, timeLimit, server.exited.then((code) => ({ serverExited: code }))]);
  clearTimeout(timer);
  if (outcome === 'timeout') console.error(`editor tests did not finish within ${options.timeout} s`);
  else if (typeof outcome === 'object') console.error(`code-server exited (${outcome.serverExited}) during the tests`);
  else exitCode = outcome;
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
await new Promise((resolve) => log.end(resolve));
if (!suiteStarted) console.log(readFileSync(LOG_FILE, 'utf8'));
console.log(`editor tests took ${seconds()} s (full log: ${path.relative(REPO, LOG_FILE)})`);
// The suite prints its own tally; when it never ran, the run counts as one failure.
const [passed, failed] = tally ? [Number(tally[1]), Number(tally[2])] : [0, 1];
console.log(`${passed} passed, ${exitCode === 0 ? failed : Math.max(failed, 1)} failed`);
process.exit(exitCode === 0 && failed === 0 ? 0 : 1);
