// Times the policy rules on the benchmark's generated policy (scripts/workloads.mjs):
//   node --import tsx scripts/bench-policy.ts [statements=2000] [runs=5]
// Prints the median CPU time (user + system, so other load on the machine counts little) of parsing and
// of each rule, slowest first, and of parsing and checking together against jsonc-parser's parseTree.
// Needs dist/catalog.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { Catalog, createLanguageService } from '../server/src/service';
import { POLICY_RULES } from '../server/src/service/policy/rules';
import { policyWorkload } from './workloads.mjs';

const count = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 5);
const catalogData = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'catalog.json'), 'utf8'));
const catalog = new Catalog(catalogData);
const service = createLanguageService({ catalog, onRuleError: (id, error) => { throw new Error(`${id}: ${String(error)}`); } });

const text: string = policyWorkload(catalogData, count);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median time of `measure`, each run on a freshly parsed document (so no rule profits from a cache
 * another filled for the same document). */
const time = (measure: (doc: ReturnType<typeof service.parsePolicy>) => void) => median(Array.from({ length: runs }, () => {
  const doc = service.parsePolicy(text);
  const start = process.cpuUsage();
  measure(doc);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}));

// The first run warms the catalogue caches, as the first validation in an editor session does.
const findings = service.policyFindings(service.parsePolicy(text)).length;
const parse = time(() => service.parsePolicy(text));
const perRule = POLICY_RULES.map((rule) => ({ id: rule.id, ms: time((doc) => service.policyFindings(doc, [rule])) }));
const total = time(() => service.policyFindings(service.parsePolicy(text)));
const floor = time(() => parseTree(text));
console.log(`${count} statements, ${(text.length / 1024).toFixed(0)} KB, ${findings} findings; median CPU time of ${runs} runs`);
console.log(`${'parse'.padEnd(32)} ${parse.toFixed(1).padStart(8)} ms`);
for (const r of perRule.sort((a, b) => b.ms - a.ms)) console.log(`${r.id.padEnd(32)} ${r.ms.toFixed(1).padStart(8)} ms`);
console.log(`${'parse and all rules'.padEnd(32)} ${total.toFixed(1).padStart(8)} ms, ${(total / floor).toFixed(2)} × jsonc-parser's parseTree (${floor.toFixed(1)} ms)`);
