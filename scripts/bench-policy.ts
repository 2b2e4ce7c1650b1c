// Times the policy rules on a generated policy of many varied statements:
//   node --import tsx scripts/bench-policy.ts [statements=2000] [runs=5]
// Prints the median CPU time (user + system, so other load on the machine counts little) of parsing and
// of each rule, slowest first. Needs dist/catalog.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, createLanguageService } from '../server/src/service';
import { POLICY_RULES } from '../server/src/service/policy/rules';

const count = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 5);
const catalog = new Catalog(JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'catalog.json'), 'utf8')));
const service = createLanguageService({ catalog, onRuleError: (id, error) => { throw new Error(`${id}: ${String(error)}`); } });

// Every statement differs (names carry the index) so that no cache keyed on values hides the cost.
const shapes: ((i: number) => object)[] = [
  (i) => ({ Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 's3:Get*Tagging'], Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`] }),
  (i) => ({ Effect: 'Allow', Action: ['redshift:GetClusterCredentials', 'redshift:Describe*'], Resource: `arn:aws:redshift:eu-west-1:123456789012:dbuser:cluster-${i}/user-${i}`, Condition: { StringEquals: { 'redshift:DbUser': `user-${i}`, 'aws:ResourceTag/Project': 'p' } } }),
  (i) => ({ Effect: 'Allow', Action: ['ec2:Run*', 'ec2:Describe*', 'ec2:CreateTags'], Resource: `arn:aws:ec2:*:123456789012:instance/i-${i}`, Condition: { StringLike: { 'ec2:InstanceType': 't3.*' } } }),
  (i) => ({ Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::123456789012:role/role-${i}`, Condition: { StringEquals: { 'iam:PassedToService': 'redshift.amazonaws.com' } } }),
  (i) => ({ Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:*Item'], Resource: `arn:aws:dynamodb:eu-west-1:123456789012:table/table-${i}/index/*` }),
  (i) => ({ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': `eu-west-${i % 3}` } } }),
  (i) => ({ Effect: 'Allow', Action: ['s3:GetObjekt', `s${i % 9}:PutObject`, 'kms:Decrypt'], Resource: `arn:aws:kms:eu-west-1:123456789012:alias/key-${i}` }),
  (i) => ({ Effect: 'Allow', Principal: { Service: ['redshift.amazonaws.com', 'glue.amazonaws.com'], AWS: `arn:aws:iam::${100000000000 + i}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': `x-${i}` } } }),
];
const policy = { Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => shapes[i % shapes.length](i)) };
const text = JSON.stringify(policy, null, 2);

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
console.log(`${count} statements, ${(text.length / 1024).toFixed(0)} KB, ${findings} findings; median CPU time of ${runs} runs`);
console.log(`${'parse'.padEnd(32)} ${parse.toFixed(1).padStart(8)} ms`);
for (const r of perRule.sort((a, b) => b.ms - a.ms)) console.log(`${r.id.padEnd(32)} ${r.ms.toFixed(1).padStart(8)} ms`);
console.log(`${'parse and all rules'.padEnd(32)} ${total.toFixed(1).padStart(8)} ms`);
