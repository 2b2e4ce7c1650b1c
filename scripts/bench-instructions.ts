// Counts the work of parsing and checking the benchmark workloads (scripts/workloads.mjs) in
// instructions and simulated cache misses, under valgrind's cachegrind, in this process's code:
//   node --import tsx scripts/bench-instructions.ts [case…]      (cases: see CASES; all by default)
// Wall times on a shared machine drift by up to 2×; these counts usually repeat within a few percent
// (V8 in its predictable mode, fixed seeds, no address randomisation), so they tell two builds apart where
// `npm run bench` cannot. The collector still adapts to timing, and a count now and then comes out a fifth
// higher: count each build more than once. Each case runs 4 and then 24 times; the figures are the difference over the 20 extra runs,
// which leaves out start-up and the first runs' compilation. The measured code is bundled by esbuild,
// as the server is (see bundled.ts). Needs valgrind (apt-get install
// valgrind) and dist/catalog.json; a case takes one to three minutes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/service';
import { parsePolicy } from '../server/src/service/policy/parse';
import { lex } from '../server/src/service/sql/lexer';
import { parseSql } from '../server/src/service/sql/statements';
import { bundle, SERVER_NODE_OPTIONS } from './bundled';
import { policyWorkload, sqlWorkload } from './workloads.mjs';

const SQL_TOKEN = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$[\s\S]*?\$\$|[A-Za-z_][\w$]*|\d+(?:\.\d+)?|\s+|[^\s]/g;

/** What one run of each case does to a text (a new one each run, as the editor benchmark does). */
const CASES: Record<string, (text: string, run: number) => void> = {
  'policy parseTree (floor)': (text) => parseTree(text),
  'policy parse': (text) => parsePolicy(text),
  'policy validate': (text, run) => validate(text, run, 'json'),
  'SQL scan (floor)': (text) => {
    SQL_TOKEN.lastIndex = 0;
    while (SQL_TOKEN.exec(text));
  },
  'SQL lex': (text) => lex(text),
  'SQL statements': (text) => parseSql(text),
  'SQL validate': (text, run) => validate(text, run, 'sql'),
};

const catalogData = () => JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'catalog.json'), 'utf8'));
let service: ReturnType<typeof createLanguageService> | undefined;
function validate(text: string, run: number, languageId: string): void {
  service ??= createLanguageService({ catalog: catalogData() });
  const doc = TextDocument.create(`file:///bench/${run}.${languageId}`, languageId, 1, text);
  service.validate(doc, {});
  service.forget(doc);
}

const FLOOR_RUNS = 4;
const RUNS = 24;

function measure(script: string, name: string, runs: number): { instructions: number; d1: number; ll: number } {
  const result = spawnSync('setarch', ['-R', 'valgrind',
    '--tool=cachegrind', '--cache-sim=yes', '--cachegrind-out-file=/dev/null',
    process.execPath, ...SERVER_NODE_OPTIONS, '--predictable', '--hash-seed=1', '--random-seed=1', script,
  ], { env: { ...process.env, INSTRUCTIONS_CASE: name, INSTRUCTIONS_RUNS: String(runs) }, encoding: 'utf8' });
  if (result.error) throw new Error(`valgrind could not be started (${result.error.message}): install it with apt-get install valgrind.`);
  if (result.status !== 0) throw new Error(`${name} failed:\n${result.stderr.slice(-2000)}`);
  const count = (label: string) => Number(new RegExp(`${label}:\\s+([\\d,]+)`).exec(result.stderr)?.[1].replace(/,/g, '') ?? NaN);
  return { instructions: count('I\\s+refs'), d1: count('D1\\s+misses'), ll: count('LLd misses') };
}

function main(): void {
  const chosen = process.argv.slice(2);
  const names = Object.keys(CASES).filter((name) => chosen.length === 0 || chosen.some((c) => name.toLowerCase().includes(c.toLowerCase())));
  const bundled = bundle(__filename);
  const million = (x: number) => (x / 1e6).toFixed(1).padStart(8);
  console.log(`per run, over runs ${FLOOR_RUNS + 1}–${RUNS}: instructions, first-level data cache misses, last-level data cache misses (millions)`);
  for (const name of names) {
    const few = measure(bundled, name, FLOOR_RUNS);
    const many = measure(bundled, name, RUNS);
    const per = (k: 'instructions' | 'd1' | 'll') => (many[k] - few[k]) / (RUNS - FLOOR_RUNS);
    console.log(`${name.padEnd(26)} ${million(per('instructions'))} ${million(per('d1'))} ${million(per('ll'))}`);
  }
}

const child = process.env.INSTRUCTIONS_CASE;
if (child) {
  const run = CASES[child];
  const text: string = child.startsWith('SQL') ? sqlWorkload(10000) : policyWorkload(catalogData(), 2000);
  for (let k = 0; k < Number(process.env.INSTRUCTIONS_RUNS); k++) run(text + ' '.repeat(k), k);
} else main();
