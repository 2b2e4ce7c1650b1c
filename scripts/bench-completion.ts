// Times policy completion in a large generated policy, at the kinds of positions people type in:
//   node --import tsx scripts/bench-completion.ts [statements=2000] [samples=100]
// "unchanged text" is a request on a text the service has seen (parse reused); "after a keystroke"
// inserts a character at the cursor first, as typing does before each request. Needs dist/catalog.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog, createLanguageService } from '../server/src/service';
import { inBundle, runBundled } from './bundled';

if (!inBundle) runBundled(__filename);

const count = Number(process.argv[2] ?? 2000);
const samples = Number(process.argv[3] ?? 100);
const catalog = new Catalog(JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'catalog.json'), 'utf8')));
const service = createLanguageService({ catalog });

const shapes: ((i: number) => object)[] = [
  (i) => ({ Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`] }),
  (i) => ({ Effect: 'Allow', Action: ['redshift:GetClusterCredentials'], Resource: `arn:aws:redshift:eu-west-1:123456789012:dbuser:cluster-${i}/user-${i}`, Condition: { StringEquals: { 'redshift:DbUser': `user-${i}` } } }),
  (i) => ({ Sid: `Assume${i}`, Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }),
];
const text = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => shapes[i % shapes.length](i)) }, null, 2);

/** Cursor positions: the offset just after `prefix` inside each occurrence of `marker`. */
const probes: Record<string, { marker: RegExp; prefix: string }> = {
  'action name': { marker: /"s3:GetObject"/g, prefix: '"s3:GetOb' },
  'service prefix': { marker: /"redshift:GetClusterCredentials"/g, prefix: '"redsh' },
  'resource ARN': { marker: /"arn:aws:s3:::bucket-\d+"/g, prefix: '"arn:' },
  'statement key': { marker: /"Effect": "Allow",\n/g, prefix: '"Effect": "Allow",\n' },
  'condition key': { marker: /"redshift:DbUser"/g, prefix: '"redshift:Db' },
  'service principal': { marker: /"redshift\.amazonaws\.com"/g, prefix: '"redsh' },
  'condition value': { marker: /"aws:SourceAccount": "\d+"/g, prefix: '"aws:SourceAccount": "' },
};

function positionsOf(marker: RegExp, prefix: string): number[] {
  const all = [...text.matchAll(marker)].map((m) => m.index! + prefix.length);
  const step = Math.max(1, Math.floor(all.length / samples));
  return all.filter((_, i) => i % step === 0).slice(0, samples);
}

interface Sample { wall: number; cpu: number }

function stats(samples: Sample[]): string {
  const quantiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
    return `median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}`;
  };
  return `wall ${quantiles(samples.map((s) => s.wall))} ms; cpu ${quantiles(samples.map((s) => s.cpu))} ms (${samples.length} requests)`;
}

/** Wall time, and the CPU time of this process, which leaves out the time other processes took the CPU. */
function timed(run: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

let version = 1;
const doc = TextDocument.create('file:///bench/policy.json', 'json', version, text);
// The parse a validation of the open document has already made.
service.validate(doc);

const unchanged: Sample[] = [];
const afterKeystroke: Sample[] = [];
console.log(`policy: ${count} statements, ${(text.length / 1000).toFixed(0)} KB`);
for (const [name, { marker, prefix }] of Object.entries(probes)) {
  const times: Sample[] = [];
  let items = 0;
  for (const offset of positionsOf(marker, prefix)) {
    times.push(timed(() => (items += service.complete(doc, doc.positionAt(offset)).length)));
  }
  unchanged.push(...times);
  console.log(`${name.padEnd(22)} ${stats(times)}, ${(items / times.length).toFixed(0)} items each`);
}
console.log(`${'all, unchanged text'.padEnd(22)} ${stats(unchanged)}`);

// Typing: each request follows an incremental change, as the editor sends them; the service has
// parsed only the text before that change.
let typing = doc;
for (const { marker, prefix } of Object.values(probes)) {
  for (const offset of positionsOf(marker, prefix).slice(0, 20)) {
    const at = typing.positionAt(offset);
    typing = TextDocument.update(typing, [{ range: { start: at, end: at }, text: 'x' }], ++version);
    afterKeystroke.push(timed(() => service.complete(typing, typing.positionAt(offset + 1))));
    const end = typing.positionAt(offset + 1);
    typing = TextDocument.update(typing, [{ range: { start: at, end }, text: '' }], ++version);
  }
}
console.log(`${'all, after a keystroke'.padEnd(22)} ${stats(afterKeystroke)}`);
