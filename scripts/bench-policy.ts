// Times the policy rules on the benchmark's generated policy (scripts/workloads.mjs):
//   node --import tsx scripts/bench-policy.ts [statements=2000] [runs=5]
// Prints the median CPU time (user + system, the collector's threads included, so other load on the
// machine counts little) of parsing and of each rule, slowest first, and of parsing and checking together
// against jsonc-parser's parseTree.
// Needs dist/catalog.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { Catalog, createLanguageService } from '../server/src/service';
import { POLICY_RULES } from '../server/src/service/policy/rules';
import { policyWorkload } from './workloads.mjs';
import { inBundle, runBundled } from './bundled';

if (!inBundle) runBundled(__filename);

const count = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 5);
const catalogData = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'catalog.json'), 'utf8'));
const catalog = new Catalog(catalogData);
const service = createLanguageService({ catalog, onRuleError: (id, error) => { throw new Error(`${id}: ${String(error)}`); } });

const text: string = policyWorkload(catalogData, count);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median CPU time of `measure`, after a run untimed (the service calls parseTree only for a text that is
 * not strict JSON: its code is not compiled yet). Each run is given what `prepare` makes, untimed: the
 * rules a freshly parsed document, so that no rule profits from a cache another filled for the same
 * document; the parse and the floor nothing, as a document kept alive meanwhile is copied by every
 * collection they meet. */
function time<T>(measure: (input: T) => void, prepare: () => T): number {
  measure(prepare());
  return median(Array.from({ length: runs }, () => {
    const input = prepare();
    const start = process.cpuUsage();
    measure(input);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  }));
}
const nothing = () => undefined;

// The first run warms the catalogue caches, as the first validation in an editor session does.
const findings = service.policyFindings(service.parsePolicy(text)).length;
const parse = time(() => service.parsePolicy(text), nothing);
const perRule = POLICY_RULES.map((rule) => ({ id: rule.id, ms: time((doc) => service.policyFindings(doc, [rule]), () => service.parsePolicy(text)) }));
const total = time(() => service.policyFindings(service.parsePolicy(text)), nothing);
const floor = time(() => parseTree(text), nothing);
console.log(`${count} statements, ${(text.length / 1024).toFixed(0)} KB, ${findings} findings; median CPU time of ${runs} runs`);
console.log(`${'parse'.padEnd(32)} ${parse.toFixed(1).padStart(8)} ms`);
for (const r of perRule.sort((a, b) => b.ms - a.ms)) console.log(`${r.id.padEnd(32)} ${r.ms.toFixed(1).padStart(8)} ms`);
console.log(`${'parse and all rules'.padEnd(32)} ${total.toFixed(1).padStart(8)} ms, ${(total / floor).toFixed(2)} × jsonc-parser's parseTree (${floor.toFixed(1)} ms)`);
