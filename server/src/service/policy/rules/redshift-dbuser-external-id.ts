import { arnShapeProblems, Field, fieldSpan, looksLikeArn, parseArn, Problem } from '../../arn';
import { isRegion, REGIONS } from '../../regions';
import { didYouMean } from '../../text';
import { conditionEntries, parseOperator } from '../conditions';
import { spanInString } from '../parse';
import type { PolicyRule } from './rule';

const EXPECTED = 'arn:aws:redshift:<region>:<12-digit account>:dbuser:<cluster>/<user>';

/** A value Redshift would send as the external ID: `arn:` and a hint of Redshift or a database user. */
function looksLikeDbUserArn(text: string): boolean {
  return looksLikeArn(text) && /redshift|dbuser/i.test(text);
}

/** Redshift cluster identifier rules (Amazon Redshift API Reference, CreateCluster: ClusterIdentifier). */
function clusterProblem(cluster: string): string | undefined {
  if (cluster === '') return 'The cluster identifier is missing: expected dbuser:<cluster>/<user>.';
  if (cluster.length > 63) return `The cluster identifier has ${cluster.length} characters; at most 63.`;
  if (!/^[a-z0-9-]+$/.test(cluster)) return `Cluster identifier "${cluster}": only lowercase letters, digits and hyphens.`;
  if (!/^[a-z]/.test(cluster)) return `Cluster identifier "${cluster}" must start with a letter.`;
  if (cluster.includes('--')) return `Cluster identifier "${cluster}" cannot contain two consecutive hyphens.`;
  if (cluster.endsWith('-')) return `Cluster identifier "${cluster}" cannot end with a hyphen.`;
  return undefined;
}

/** `serverless-<account>-<workgroup-id>`, the cluster part of a Redshift Serverless database user ARN. */
function serverlessProblem(identifier: string, account: string): string | undefined {
  const match = /^serverless-([^-]*)-(.*)$/.exec(identifier);
  if (!match || !/^\d{12}$/.test(match[1])) return 'A Serverless database user is dbuser:serverless-<12-digit account>-<workgroup-id>/<user>.';
  if (/^\d{12}$/.test(account) && match[1] !== account) return `The account in "${identifier}" differs from the ARN's account ${account}.`;
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(match[2])) return 'The workgroup ID is missing: expected serverless-<12-digit account>-<workgroup-id>.';
  return undefined;
}

/** Problems of a Redshift database user ARN, as offsets into the string. */
function dbUserProblems(text: string, wildcards: boolean): Problem[] {
  const arn = parseArn(text);
  if (!arn) return [{ start: 0, length: text.length, message: `A Redshift database user ARN has six fields: ${EXPECTED}.` }];
  if (arn.account.text === 'dbuser') {
    return [{ start: arn.account.start, length: arn.account.text.length, message: `Missing account ID: "dbuser" is in the account field; expected ${EXPECTED}.` }];
  }
  const skip = (f: Field) => wildcards && /[*?]/.test(f.text);
  const problems = arnShapeProblems(arn, { allowWildcards: wildcards });
  const at = (f: Field, message: string) => problems.push({ ...fieldSpan(f), message });
  if (arn.service.text !== 'redshift' && !skip(arn.service)) {
    at(arn.service, arn.service.text === 'redshift-serverless'
      ? `Serverless database users are Redshift ARNs too: arn:aws:redshift:<region>:<account>:dbuser:serverless-<account>-<workgroup-id>/<user>.`
      : `The service of a database user ARN is "redshift", not "${arn.service.text}".`);
  }
  if (!isRegion(arn.region.text) && !skip(arn.region)) {
    const suggestion = arn.region.text && didYouMean(arn.region.text, Object.keys(REGIONS));
    at(arn.region, arn.region.text === '' ? `The region is missing: expected ${EXPECTED}.`
      : `Unknown region "${arn.region.text}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`);
  }
  if (arn.account.text === '') at(arn.account, `The account ID is missing: expected ${EXPECTED}.`);
  const resource = arn.resource;
  if (!resource.text.startsWith('dbuser:')) {
    if (resource.text !== '' && !skip(resource)) at(resource, `Expected dbuser:<cluster>/<user> after the account, found "${resource.text}".`);
    return problems;
  }
  const rest = resource.text.slice('dbuser:'.length);
  const slash = rest.indexOf('/');
  const cluster = slash < 0 ? rest : rest.slice(0, slash);
  const clusterField = { text: cluster, start: resource.start + 'dbuser:'.length };
  const clusterMessage = skip(clusterField) ? undefined
    : cluster.startsWith('serverless-') ? serverlessProblem(cluster, arn.account.text) : clusterProblem(cluster);
  if (clusterMessage) at(clusterField, clusterMessage);
  if (slash < 0) at(resource, `The database user name is missing: expected dbuser:${cluster}/<user>.`);
  else if (rest.slice(slash + 1) === '') at({ text: '/', start: clusterField.start + slash }, 'The database user name after "/" is missing.');
  return problems;
}

export const rule: PolicyRule = {
  id: 'redshift-dbuser-external-id',
  severity: 'warning',
  description: 'An sts:ExternalId that restricts a role to Redshift database users must be a well-formed arn:aws:redshift:<region>:<account>:dbuser:<cluster>/<user>.',
  check(doc, _ctx, report) {
    for (const statement of doc.statements) {
      for (const { operator, key, values } of conditionEntries(statement)) {
        if (key.key.toLowerCase() !== 'sts:externalid') continue;
        const wildcards = /Like$/.test(parseOperator(operator.key)?.base ?? '');
        for (const node of values.filter((n) => n.type === 'string')) {
          const text = String(node.value);
          if (!looksLikeDbUserArn(text)) continue;
          for (const p of dbUserProblems(text, wildcards)) report({ ...spanInString(doc.text, node, p.start, p.length), message: p.message });
        }
      }
    }
  },
};
