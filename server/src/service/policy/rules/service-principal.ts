import type { Node } from 'jsonc-parser';
import type { Catalog } from '../../catalog';
import { isRegion, REGIONS } from '../../regions';
import { didYouMean } from '../../text';
import type { Report } from '../../types';
import { members, PRINCIPAL_ELEMENTS, spanInString, stringNodes } from '../parse';
import type { PolicyRule } from './rule';
import { SERVICE_PRINCIPAL_SHAPE } from './invalid-principal';

/** Service principals whose name is not a catalogue service prefix, with the AWS guide that documents each.
 * Every other known principal is `<prefix>.amazonaws.com`. */
export const DOCUMENTED_SERVICE_PRINCIPALS: Record<string, string> = {
  'batchoperations.s3': 'Amazon S3 User Guide, "Granting permissions for Batch Operations"',
  'credentials.iot': 'AWS IoT Core Developer Guide, "Authorizing direct calls to AWS services using AWS IoT Core credential provider"',
  'delivery.logs': 'Amazon CloudWatch Logs User Guide, "Enable logging from AWS services"',
  'ecs-tasks': 'Amazon ECS Developer Guide, "Task IAM role"',
  'edgelambda': 'Amazon CloudFront Developer Guide, "Set up IAM permissions and roles for Lambda@Edge"',
  'eks-fargate-pods': 'Amazon EKS User Guide, "Amazon EKS Pod execution IAM role"',
  'export.rds': 'Amazon RDS User Guide, "Exporting DB snapshot data to Amazon S3"',
  'monitoring.rds': 'Amazon RDS User Guide, "Setting up and enabling Enhanced Monitoring"',
  'opensearchservice': 'Amazon OpenSearch Service Developer Guide, "Using service-linked roles"',
  'pods.eks': 'Amazon EKS User Guide, "EKS Pod Identity"',
  'scheduler.redshift': 'Amazon Redshift API Reference, "ScheduledAction" (IamRole)',
  'spotfleet': 'Amazon EC2 User Guide, "Spot Fleet permissions"',
  'vpc-flow-logs': 'Amazon VPC User Guide, "IAM role for publishing flow logs to CloudWatch Logs"',
};

const knownCache = new WeakMap<Catalog, Set<string>>();

function knownNames(catalog: Catalog): Set<string> {
  let known = knownCache.get(catalog);
  if (!known) knownCache.set(catalog, (known = new Set([...catalog.serviceNames(), ...Object.keys(DOCUMENTED_SERVICE_PRINCIPALS)])));
  return known;
}

/** `redshift.us-east-1` → the service and the region of a regional service principal. */
const REGIONAL = /^(.+)\.([a-z]{2}(?:-[a-z]+)+-\d+)$/;

function check(text: string, node: Node, doc: { text: string }, known: Set<string>, report: Report): void {
  const [, name, domain] = /^(.*)(\.amazonaws\.com(?:\.cn)?)$/i.exec(text) ?? [];
  if (name === undefined || known.has(name)) return;
  const regional = REGIONAL.exec(name);
  if (regional && known.has(regional[1])) {
    const [, service, region] = regional;
    if (isRegion(region)) return;
    const suggestion = didYouMean(region, Object.keys(REGIONS));
    const fixed = `${service}.${suggestion}${domain}`;
    report({
      ...spanInString(doc.text, node, service.length + 1, region.length),
      message: `Unknown region "${region}" in a regional service principal${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
      fixes: suggestion ? [{ title: `Change to "${fixed}"`, preferred: true, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(fixed) }] }] : undefined,
    });
    return;
  }
  const service = regional ? regional[1] : name;
  const suggestion = didYouMean(service, known);
  const fixed = suggestion && `${suggestion}${name.slice(service.length)}${domain}`;
  report({
    ...spanInString(doc.text, node, 0, service.length),
    message: `Unknown service principal "${text}"${fixed ? `: did you mean "${fixed}"?` : ': no AWS service has this name.'}`,
    fixes: fixed ? [{ title: `Change to "${fixed}"`, preferred: true, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(fixed) }] }] : undefined,
  });
}

export const rule: PolicyRule = {
  id: 'service-principal',
  severity: 'warning',
  description: 'A Service principal names a known AWS service (service.amazonaws.com, or service.region.amazonaws.com with a known region).',
  check(doc, { catalog }, report) {
    const known = knownNames(catalog);
    for (const statement of doc.statements) {
      for (const element of PRINCIPAL_ELEMENTS) {
        const service = members(statement.members[element]?.value).find((m) => m.key === 'Service');
        for (const node of stringNodes(service?.value)) {
          const text = String(node.value);
          // Malformed values are invalid-principal's.
          if (SERVICE_PRINCIPAL_SHAPE.test(text)) check(text, node, doc, known, report);
        }
      }
    }
  },
};
