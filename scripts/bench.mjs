// Benchmarks of the bundled language server over stdio, against their budgets:
//   npm run bench          (builds, then runs this script; `node scripts/bench.mjs` skips the build)
//   node scripts/bench.mjs [--profile DIR] [--server-args "<node options>"] [--server FILE]
// Workloads are generated from a fixed seed: a 2,000-statement policy and a 10,000-statement SQL file.
// Each figure is measured the way an editor sees it (didOpen → publishDiagnostics, completion round
// trips), next to its floor measured in this same run (jsonc-parser's parseTree, one regex scan).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseTree } from 'jsonc-parser';
import rpc from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generators, policyWorkload, sqlWorkload } from './workloads.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
// `--server FILE` measures another build of the server (one of an earlier commit, to compare);
// `--profile DIR` writes a V8 CPU profile of the measured server (not the cold starts) into DIR;
// `--server-args "..."` passes node options to every server started (to try V8 flags, for instance)
// instead of the ones the extension starts its server with (SERVER_NODE_OPTIONS in client/src/extension.ts).
const SERVER = option('--server') ?? join(ROOT, 'dist', 'server.js');
const CATALOG = join(ROOT, 'dist', 'catalog.json');
const profileDir = option('--profile');
const EXTENSION_SERVER_ARGS = ['--max-semi-space-size=4'];
const serverArgs = option('--server-args')?.split(/\s+/).filter(Boolean) ?? EXTENSION_SERVER_ARGS;
const RUNS = 7;
/** Unmeasured runs first: the server's code is optimised by V8 over its first few validations, and
 * the budgets are for an editor session where the code is warm, as the floors' code is. */
const WARM_UP_RUNS = 3;
/** The same figures again after this many more unmeasured runs: V8 and the collector keep adapting over
 * the first twenty or so validations of a large document, and the first figures mix that in. */
const LATER_WARM_UP_RUNS = 10;
const SETTLE_MS = 150;
const FLOOR_CALLS = 3;
const COMPLETIONS = 240;
const COMPLETION_WARM_UP = 20;
/** Places in the SQL script where a role ARN is typed, three keys each, with a completion request after each key. */
const TYPING_SPOTS = 40;
const KEYS_PER_SPOT = 3;
const CHECK_SPOTS = 30;
const COLD_STARTS = 5;

// ---------------------------------------------------------------------------------------------
// Measurement helpers

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** Wall and CPU time and page faults of one call of `fn`, in this process. */
function timeLocal(fn) {
  const faultsStart = process.resourceUsage().minorPageFault;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpu: (cpu.user + cpu.system) / 1000, faults: process.resourceUsage().minorPageFault - faultsStart };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** A process's fields in /proc/PID/stat, from its state on (field 3 of proc(5) is index 0). */
const procStat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
/** CPU time used so far by a process, all threads (V8's background GC and compiler included). */
function cpuMs(pid) {
  const fields = procStat(pid);
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime and stime
}
/** Page faults so far of a process that the kernel served without reading a file: each is a page of
 * memory touched for the first time since it was mapped. */
const minorFaults = (pid) => Number(procStat(pid)[7]);

/** What touching fresh memory costs on this machine now, per 4 KB page: on some virtual machines a page
 * fault takes 10 µs or more, and a process that maps new memory for each check pays it on every page. */
function freshPageMicroseconds() {
  const bytes = 16 * 1024 * 1024;
  const faultsStart = process.resourceUsage().minorPageFault;
  const start = performance.now();
  Buffer.allocUnsafeSlow(bytes).fill(1);
  const ms = performance.now() - start;
  const faults = process.resourceUsage().minorPageFault - faultsStart;
  return faults > 0 ? (ms * 1000) / faults : undefined;
}

/** One SQL scan with a single regular expression: comments, strings, dollar quotes, words, numbers, punctuation. */
const SQL_TOKEN = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$[\s\S]*?\$\$|[A-Za-z_][\w$]*|\d+(?:\.\d+)?|\s+|[^\s]/g;
function scanSql(text) {
  let tokens = 0;
  SQL_TOKEN.lastIndex = 0;
  while (SQL_TOKEN.exec(text)) tokens++;
  return tokens;
}

/** The bundled server over stdio, with a client that answers settings requests as VS Code does. */
class Server {
  constructor(nodeArgs = []) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [...serverArgs, ...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(this.process.stdout), new rpc.StreamMessageWriter(this.process.stdin));
    this.waiters = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const key = `${p.uri}#${p.version ?? ''}`;
      this.waiters.get(key)?.(p);
      this.waiters.delete(key);
    });
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize() {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: null,
      // Completion as VS Code's language client declares it (vscode-languageclient 11).
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true }, completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result.capabilities;
  }

  /** Opens a document and resolves with the diagnostics published for that version. */
  open(uri, languageId, text, version = 1) {
    const published = new Promise((resolve) => this.waiters.set(`${uri}#${version}`, resolve));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return published;
  }

  /** Inserts `text` at `position` as a keystroke does; resolves with the diagnostics published for `version`. */
  change(uri, version, position, text) {
    const published = new Promise((resolve) => this.waiters.set(`${uri}#${version}`, resolve));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text }] });
    return published;
  }

  async close(uri) {
    const cleared = new Promise((resolve) => this.waiters.set(`${uri}#`, resolve));
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  }

  rssMegabytes() {
    const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.process.pid}/status`, 'utf8'))?.[1];
    return kilobytes ? Number(kilobytes) / 1024 : undefined;
  }

  async stop() {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await exited;
    this.connection.dispose();
  }
}

/** Median time from didOpen to the published diagnostics, each run with a new URI and a text that
 * differs (by trailing spaces) so that no cache keyed on either is hit, and the server's mean CPU time
 * per run. The floor is timed right before each run, so that the machine's speed, which drifts on a
 * shared host, is the same for both: `ratio` is the median of the per-run ratios. `first` is the first
 * run, on code V8 has not optimised yet. Keeps the last document open. */
async function timeDiagnostics(server, name, languageId, text, floor, warmUpRuns = WARM_UP_RUNS) {
  const times = [];
  const floors = [];
  let diagnostics = [];
  let uri;
  let cpuStart;
  let faultsStart;
  let floorCpu = 0;
  let floorFaults = 0;
  let first;
  for (let run = 0; run < warmUpRuns + RUNS; run++) {
    if (uri) await server.close(uri);
    uri = `file:///bench/${name}-${run}.${languageId === 'sql' ? 'sql' : 'json'}`;
    // Both measurements start from a server at rest: its collector may still be busy with the last run.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // The fastest of a few calls: one call alone now and then includes a collection in this process,
    // which made a floor vary from 5 to 47 ms between runs and a ratio with it.
    const floorRun = Array.from({ length: FLOOR_CALLS }, () => timeLocal(floor)).reduce((a, b) => (b.ms < a.ms ? b : a));
    if (run === warmUpRuns) {
      cpuStart = cpuMs(server.process.pid);
      faultsStart = minorFaults(server.process.pid);
    }
    const start = performance.now();
    diagnostics = (await server.open(uri, languageId, text + ' '.repeat(run), run + 1)).diagnostics;
    if (run === 0) first = performance.now() - start;
    if (run < warmUpRuns) continue;
    times.push(performance.now() - start);
    floors.push(floorRun.ms);
    floorCpu += floorRun.cpu / RUNS;
    floorFaults += floorRun.faults / RUNS;
  }
  return {
    ms: median(times), first, cpu: (cpuMs(server.process.pid) - cpuStart) / RUNS, faults: (minorFaults(server.process.pid) - faultsStart) / RUNS,
    uri, diagnostics: diagnostics.length,
    text: text + ' '.repeat(warmUpRuns + RUNS - 1), version: warmUpRuns + RUNS,
    floor: { ms: median(floors), cpu: floorCpu, faults: floorFaults }, ratio: median(times.map((t, k) => t / floors[k])),
  };
}

/** Positions where a user asks for completion: inside action names, condition keys, ARNs and element keys. */
function completionPositions(text, count) {
  const g = generators(0xc0ffee);
  const candidates = [];
  const patterns = [/"([a-z0-9-]+):([A-Za-z*]*)"/g, /"(aws|[a-z0-9-]+):([A-Za-z]+)": "/g, /"arn:aws:([a-z0-9-]+):/g, /^\s+"(Effect|Action|Resource|Condition)"/gm];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) candidates.push(m.index + 1 + g.int(m[0].length - 2));
  }
  const doc = TextDocument.create('file:///bench/positions.json', 'json', 1, text);
  return Array.from({ length: count }, () => doc.positionAt(g.pick(candidates)));
}

/** Completion latency at COMPLETIONS positions, after COMPLETION_WARM_UP unmeasured requests: like the
 * diagnostics' first run, they let the process compile the completion code before it is timed. */
async function timeCompletions(server, capabilities, uri, text) {
  if (!capabilities.completionProvider) return undefined;
  const times = [];
  let cpuStart;
  for (const [k, position] of completionPositions(text, COMPLETION_WARM_UP + COMPLETIONS).entries()) {
    if (k === COMPLETION_WARM_UP) cpuStart = cpuMs(server.process.pid);
    const start = performance.now();
    try {
      await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    } catch {
      return undefined;
    }
    if (k >= COMPLETION_WARM_UP) times.push(performance.now() - start);
  }
  return { median: median(times), p95: percentile(times, 95), cpu: (cpuMs(server.process.pid) - cpuStart) / COMPLETIONS };
}

/** `count` places to type at in the SQL script, inside the quotes of an IAM_ROLE, picked with a generator
 * (or one from a seed). */
function roleSpots(text, generator, count) {
  const g = typeof generator === 'number' ? generators(generator) : generator;
  const quotes = [...text.matchAll(/IAM_ROLE '/g)].map((m) => m.index + m[0].length);
  return Array.from({ length: count }, () => g.pick(quotes));
}

/** Completion latency while typing a role ARN in the open SQL script: at each spot (inside the quotes of
 * an IAM_ROLE), a key is inserted and completion asked for right away, as the editor does, before the
 * debounced validation has read the new text. With `pause`, the test waits after the spot's keys for that
 * validation, as a user moving to the next spot gives it time to run, and the spots go from the end of the
 * script up; without, the spots come in a random order and follow each other at once, so that nothing is
 * checked until the end and each spot has the edits of those before it above or below it. The first spot
 * is not measured. */
async function timeSqlTyping(server, uri, text, version, pause) {
  const doc = TextDocument.create(uri, 'sql', version, text);
  const spots = roleSpots(text, pause ? 0x7e57 : 0x5107, TYPING_SPOTS + 1);
  if (pause) spots.sort((a, b) => b - a); // from the end up: offsets stay valid
  const typed = []; // the original offsets of the spots typed at so far
  const times = [];
  const checks = []; // with `pause`: from the last key at a spot to its diagnostics
  let published;
  for (const [k, original] of spots.entries()) {
    const spot = original + KEYS_PER_SPOT * typed.filter((t) => t < original).length;
    let lastKey;
    for (let key = 0; key < KEYS_PER_SPOT; key++) {
      const at = doc.positionAt(spot + key);
      TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'a' }], ++version);
      lastKey = performance.now();
      published = server.change(uri, version, at, 'a');
      const start = performance.now();
      await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(spot + key + 1) });
      if (k > 0) times.push(performance.now() - start);
    }
    typed.push(original);
    if (pause) {
      await published;
      if (k > 0) checks.push(performance.now() - lastKey);
    }
  }
  await published;
  return { median: median(times), p95: percentile(times, 95), checks: pause ? { median: median(checks), p95: percentile(checks, 95) } : undefined, version, text: doc.getText() };
}

/** Code actions in the SQL script right after a key, as the editor asks for them to show its light bulb:
 * they need the findings of the new text. One key at each of CHECK_SPOTS places, one after the other with
 * no pause for the check. The first spot is not measured. */
async function timeSqlCodeActions(server, uri, text, version) {
  const doc = TextDocument.create(uri, 'sql', version, text);
  const spots = roleSpots(text, 0xac71, CHECK_SPOTS + 1).sort((a, b) => b - a);
  const times = [];
  let published;
  for (const [k, spot] of spots.entries()) {
    const at = doc.positionAt(spot);
    TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'a' }], ++version);
    published = server.change(uri, version, at, 'a');
    const cursor = doc.positionAt(spot + 1);
    const start = performance.now();
    await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics: [] } });
    if (k > 0) times.push(performance.now() - start);
  }
  await published;
  return { median: median(times), p95: percentile(times, 95), version, text: doc.getText() };
}

/** Completion latency while the server checks the SQL script after an edit: a key is typed, and the
 * completion request sent once the debounced check has started (the server waits 150 ms after the last
 * change), at a different moment of it each time. The first spot is not measured. */
async function timeCompletionDuringCheck(server, uri, text, version) {
  const doc = TextDocument.create(uri, 'sql', version, text);
  const g = generators(0xc4ec);
  const spots = roleSpots(text, g, CHECK_SPOTS + 1).sort((a, b) => b - a);
  const times = [];
  for (const [k, spot] of spots.entries()) {
    const at = doc.positionAt(spot);
    TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'a' }], ++version);
    const published = server.change(uri, version, at, 'a');
    await new Promise((resolve) => setTimeout(resolve, 160 + g.int(60)));
    const start = performance.now();
    await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(spot + 1) });
    if (k > 0) times.push(performance.now() - start);
    await published;
  }
  return { median: median(times), p95: percentile(times, 95), version, text: doc.getText() };
}

async function coldStart(smallPolicy) {
  const times = [];
  const cpu = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    const server = new Server();
    await server.initialize();
    await server.open(`file:///bench/cold-${run}.json`, 'json', smallPolicy);
    times.push(performance.now() - server.spawnedAt);
    cpu.push(cpuMs(server.process.pid));
    await server.stop();
  }
  return { ms: median(times), cpu: median(cpu) };
}

/** RSS of a fresh server once both large files are open and checked, as after opening them in an editor. */
async function rssAfterOpening(policy, sql) {
  const server = new Server();
  await server.initialize();
  await server.open('file:///bench/rss-policy.json', 'json', policy);
  await server.open('file:///bench/rss-load.sql', 'sql', sql);
  const rss = server.rssMegabytes();
  await server.stop();
  return rss;
}

function vsixMegabytes() {
  const out = join(ROOT, 'out');
  const packages = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.vsix')) : [];
  if (!packages.length) return undefined;
  const newest = packages.map((f) => statSync(join(out, f))).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  return newest.size / (1024 * 1024);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(SERVER) || !existsSync(CATALOG)) {
    console.error('dist/server.js or dist/catalog.json is missing: run `npm run build` first.');
    process.exitCode = 2;
    return;
  }
  const catalog = JSON.parse(readFileSync(CATALOG, 'utf8'));
  const policy = policyWorkload(catalog, 2000);
  const sql = sqlWorkload(10000);
  const smallPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }] }, null, 2);
  if (serverArgs.length) console.log(`server started with ${serverArgs.join(' ')}`);
  console.log(`policy: 2,000 statements, ${(policy.length / 1024).toFixed(0)} KB · SQL: 10,000 statements, ${(sql.length / 1024).toFixed(0)} KB · median of ${RUNS} runs after ${WARM_UP_RUNS} unmeasured ones`);


  const server = new Server(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
  const capabilities = await server.initialize();
  const policyRun = await timeDiagnostics(server, 'policy', 'json', policy, () => parseTree(policy));
  const sqlRun = await timeDiagnostics(server, 'load', 'sql', sql, () => scanSql(sql));
  const policyLater = await timeDiagnostics(server, 'policy-later', 'json', policy, () => parseTree(policy), LATER_WARM_UP_RUNS);
  const sqlLater = await timeDiagnostics(server, 'load-later', 'sql', sql, () => scanSql(sql), LATER_WARM_UP_RUNS);
  await server.close(policyLater.uri);
  await server.close(sqlLater.uri);
  // The same texts as plain text, which the server receives, answers and does not analyse: the part of
  // each figure that is the protocol (message transfer, settings request, publication).
  const policyWire = await timeDiagnostics(server, 'policy-text', 'plaintext', policy, () => parseTree(policy));
  const sqlWire = await timeDiagnostics(server, 'load-text', 'plaintext', sql, () => scanSql(sql));
  // Closed again so that completion runs with the same documents open as before these two were timed.
  await server.close(policyWire.uri);
  await server.close(sqlWire.uri);
  const completion = await timeCompletions(server, capabilities, policyRun.uri, policy);
  const typing = await timeSqlTyping(server, sqlRun.uri, sqlRun.text, sqlRun.version, true);
  const typingOn = await timeSqlTyping(server, sqlRun.uri, typing.text, typing.version, false);
  const duringCheck = await timeCompletionDuringCheck(server, sqlRun.uri, typingOn.text, typingOn.version);
  const actions = await timeSqlCodeActions(server, sqlRun.uri, duringCheck.text, duringCheck.version);
  const rssAfterRuns = server.rssMegabytes();
  await server.stop();
  const rss = await rssAfterOpening(policy, sql);
  const cold = await coldStart(smallPolicy);
  const vsix = vsixMegabytes();

  // Counted per language: each text's own opens, the first series' included.
  const laterOpens = `${WARM_UP_RUNS + RUNS + LATER_WARM_UP_RUNS + 1}–${WARM_UP_RUNS + RUNS + LATER_WARM_UP_RUNS + RUNS}`;
  // [figure, value, unit, budget, what the budget is, CPU ms, value / budget when not their plain quotient, page faults]
  const rows = [
    ['jsonc-parser parseTree (floor)', policyRun.floor.ms, 'ms', undefined, '', policyRun.floor.cpu, undefined, policyRun.floor.faults],
    ['SQL regex scan (floor)', sqlRun.floor.ms, 'ms', undefined, '', sqlRun.floor.cpu, undefined, sqlRun.floor.faults],
    [`policy diagnostics (${policyRun.diagnostics} found)`, policyRun.ms, 'ms', 3 * policyRun.floor.ms, '3 × parseTree', policyRun.cpu, policyRun.ratio / 3, policyRun.faults],
    [`SQL diagnostics (${sqlRun.diagnostics} found)`, sqlRun.ms, 'ms', 3 * sqlRun.floor.ms, '3 × scan', sqlRun.cpu, sqlRun.ratio / 3, sqlRun.faults],
    [`protocol alone, policy-sized (${policyWire.ratio.toFixed(2)} × parseTree)`, policyWire.ms, 'ms', undefined, '', policyWire.cpu, undefined, policyWire.faults],
    [`protocol alone, SQL-sized (${sqlWire.ratio.toFixed(2)} × scan)`, sqlWire.ms, 'ms', undefined, '', sqlWire.cpu, undefined, sqlWire.faults],
    [`policy diagnostics, its opens ${laterOpens} (${policyLater.ratio.toFixed(2)} × parseTree)`, policyLater.ms, 'ms', undefined, '', policyLater.cpu, undefined, policyLater.faults],
    [`SQL diagnostics, its opens ${laterOpens} (${sqlLater.ratio.toFixed(2)} × scan)`, sqlLater.ms, 'ms', undefined, '', sqlLater.cpu, undefined, sqlLater.faults],
    ['policy diagnostics, first open', policyRun.first, 'ms'],
    ['SQL diagnostics, first open', sqlRun.first, 'ms'],
    ['policy completion median', completion?.median, 'ms', undefined, '', completion?.cpu],
    [`policy completion p95 (${COMPLETIONS} requests)`, completion?.p95, 'ms', 5],
    ['SQL completion while typing, median', typing.median, 'ms'],
    [`SQL completion while typing, p95 (${TYPING_SPOTS * KEYS_PER_SPOT} keys)`, typing.p95, 'ms', 5],
    ['SQL diagnostics after a key, median (150 ms pause included)', typing.checks.median, 'ms'],
    ['SQL diagnostics after a key, p95', typing.checks.p95, 'ms'],
    ['SQL completion, typing on from spot to spot, median', typingOn.median, 'ms'],
    [`SQL completion, typing on from spot to spot, p95`, typingOn.p95, 'ms', 5],
    ['SQL completion during its check, median', duringCheck.median, 'ms'],
    [`SQL completion during its check, p95 (${CHECK_SPOTS} keys)`, duringCheck.p95, 'ms'],
    ['SQL code actions right after a key, median', actions.median, 'ms'],
    [`SQL code actions right after a key, p95 (${CHECK_SPOTS} keys)`, actions.p95, 'ms'],
    ['cold start to first diagnostics', cold.ms, 'ms', 400, '', cold.cpu],
    ['server RSS after both files', rss, 'MB', 150],
    ['server RSS after all the runs above', rssAfterRuns, 'MB'],
    ['.vsix size', vsix, 'MB', 3],
  ];
  const number = (x) => x.toFixed(x < 10 ? 2 : 1);
  const table = [['figure', 'value', 'budget', 'ratio', '', 'CPU', 'page faults']];
  for (const [name, value, unit, limit, basis, cpu, ofBudget, faults] of rows) {
    const shown = value === undefined ? 'n/a' : `${number(value)} ${unit}`;
    const budget = limit === undefined ? '' : `≤ ${number(limit)} ${unit}${basis ? ` (${basis})` : ''}`;
    const fraction = limit === undefined || value === undefined ? undefined : ofBudget ?? value / limit;
    const ratio = fraction === undefined ? '' : fraction.toFixed(2);
    const verdict = fraction === undefined ? '' : fraction <= 1 ? 'ok' : 'OVER';
    table.push([name, shown, budget, ratio, verdict, cpu === undefined || value === undefined ? '' : `${number(cpu)} ms`, faults === undefined ? '' : faults.toFixed(0)]);
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, c) => (c === 0 || c === 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(`Floors are timed right before each server run (the fastest of ${FLOOR_CALLS} calls); a diagnostics ratio is the median of the per-run ratios to its floor. A first open is the server's first run, before V8 has optimised its code.`);
  console.log(`Protocol alone: the same texts opened as plain text, which the server receives and answers without analysing them.`);
  console.log(`CPU: mean CPU time per run (the server's, all threads, from /proc; the floors' in this process).`
    + ` On a busy machine wall times grow; CPU times much less. Load average now: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}.`);
  const pageCost = freshPageMicroseconds();
  console.log(`Page faults: mean per run (the server's; the floors' in this process). Touching fresh memory costs this machine now ${pageCost === undefined ? 'n/a' : `${pageCost.toFixed(1)} µs`} a 4 KB page (a new 16 MB buffer filled once).`);
  if (vsix === undefined) console.log('.vsix size: there is no package in out/ yet; `npm run bench` and `npm run package` build one.');
}

await main();
