// Times the SQL analysis of the benchmark's SQL workload (scripts/workloads.mjs), in this process:
//   node --import tsx scripts/bench-sql.ts [statements=10000] [runs=7]
// Prints the median CPU time (user + system) of lexing, of building the statement model (lexing
// included), of each rule on a built model, and of the whole analysis, next to the regex-scan floor.
import { performance } from 'node:perf_hooks';
import { lex } from '../server/src/service/sql/lexer';
import { SQL_RULES } from '../server/src/service/sql/rules';
import { parseSql } from '../server/src/service/sql/statements';
import { sqlFindingSteps } from '../server/src/service/sql';
import { finish } from '../server/src/service/steps';
import { sqlWorkload } from './workloads.mjs';
import { inBundle, runBundled } from './bundled';

if (!inBundle) runBundled(__filename);

const count = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 7);
const text: string = sqlWorkload(count);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median CPU and wall time of `measure`, after `warmUp` runs untimed. */
function time(measure: () => unknown, warmUp = 1): { cpu: number; wall: number } {
  for (let k = 0; k < warmUp; k++) measure();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.cpuUsage();
    const startWall = performance.now();
    measure();
    wall.push(performance.now() - startWall);
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

const SQL_TOKEN = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$[\s\S]*?\$\$|[A-Za-z_][\w$]*|\d+(?:\.\d+)?|\s+|[^\s]/g;
const scan = () => {
  let tokens = 0;
  SQL_TOKEN.lastIndex = 0;
  while (SQL_TOKEN.exec(text)) tokens++;
  return tokens;
};
const model = parseSql(text);
let variant = 0;
const rows: [string, { cpu: number; wall: number }][] = [
  ['regex scan (floor)', time(scan)],
  ['lex', time(() => lex(text))],
  ['lex and statements', time(() => parseSql(text))],
  ...SQL_RULES.map((rule) => [`rule ${rule.id}`, time(() => rule.check(model, () => {}))] as [string, { cpu: number; wall: number }]),
  // A different text each run, so that the model kept for the last text is not reused; the check keeps
  // getting faster until about its twentieth run, as V8 optimises the code of its many functions.
  ['whole analysis', time(() => finish(sqlFindingSteps(text + ' '.repeat(++variant), (_id, _findings, run) => run(() => {}))), 15)],
];
console.log(`${count} statements, ${(text.length / 1024).toFixed(0)} KB, ${model.statements.length} statements parsed; median of ${runs} runs`);
console.log(`${'phase'.padEnd(40)} ${'CPU ms'.padStart(8)} ${'wall ms'.padStart(8)}`);
for (const [name, t] of rows) console.log(`${name.padEnd(40)} ${t.cpu.toFixed(1).padStart(8)} ${t.wall.toFixed(1).padStart(8)}`);
