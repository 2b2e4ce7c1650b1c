/** Hovers in Redshift SQL: a role chain explained hop by hop with what each role needs, the keywords
 * default and 'SESSION', CREDENTIALS keys, the clause keywords, and what a statement reaches. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { parseArn } from '../arn';
import type { Catalog } from '../catalog';
import { accessOf, type StatementAccess } from './access';
import { carriesAuthorization, isQuotedKeyword, ROLE_CLAUSES, type RoleValue } from './roles';
import { inComment, modelAround, statementIn, type SqlStatement } from './statements';
import { CLAUSE_DOCS, CREDENTIAL_KEYS, KINDS, MAX_CHAIN } from './syntax';

export interface SqlHoverContext { catalog: Catalog }

interface RoleInfo { arn: string; name: string; account: string }

/** Markdown contents and the document span they describe. */
interface Found { contents: Hover['contents']; start: number; end: number }

function md(value: string, start: number, end: number): Found {
  return { contents: { kind: MarkupKind.Markdown, value }, start, end };
}

function roleInfo(arn: string): RoleInfo {
  const parsed = parseArn(arn);
  const resource = parsed?.resource.text ?? arn;
  return { arn, name: resource.slice(resource.lastIndexOf('/') + 1) || arn, account: parsed?.account.text ?? '?' };
}

/** The permissions the last role of the chain needs for the statement's own work, each with what it is
 * for. Only actions the catalogue knows are listed. */
function permissionsFor(access: StatementAccess, catalog: Catalog): string[] {
  const needs: [string[], string][] = [];
  const s3 = (actions: string[], uris: string[]) => needs.push([actions, uris.map((u) => `\`${u}\``).join(', ')]);
  if (access.s3Reads.length) s3(['s3:GetObject', 's3:ListBucket'], access.s3Reads);
  if (access.s3Writes.length) s3(['s3:PutObject', 's3:GetObject', 's3:ListBucket', ...(access.s3Deletes ? ['s3:DeleteObject'] : [])], access.s3Writes);
  if (access.dynamoDbTable) needs.push([['dynamodb:Scan', 'dynamodb:DescribeTable'], `table \`${access.dynamoDbTable}\``]);
  if (access.emrClusterId) needs.push([['elasticmapreduce:ListInstances'], `cluster \`${access.emrClusterId}\``]);
  if (access.kmsKeyId) needs.push([['kms:GenerateDataKey', 'kms:Decrypt'], `key \`${access.kmsKeyId}\``]);
  if (access.lambdaFunction) needs.push([['lambda:InvokeFunction'], `function \`${access.lambdaFunction}\``]);
  if (access.sagemakerEndpoint) needs.push([['sagemaker:InvokeEndpoint'], `endpoint \`${access.sagemakerEndpoint}\``]);
  if (access.secretArn) needs.push([['secretsmanager:GetSecretValue'], `secret \`${access.secretArn}\``]);
  if (access.kind === 'create-external-schema' && access.source === 'DATA CATALOG') {
    needs.push([['glue:GetDatabase', 'glue:GetTables', 'glue:GetPartitions', 's3:GetObject', 's3:ListBucket'], `database \`${access.database ?? '?'}\` and its data in Amazon S3`]);
  }
  if (access.kind === 'create-external-model') needs.push([['bedrock:InvokeModel'], 'the Amazon Bedrock model']);
  if (access.kind === 'create-model' && access.s3Bucket) s3(['s3:GetObject', 's3:PutObject', 's3:ListBucket'], [`s3://${access.s3Bucket}`]);
  return needs.flatMap(([actions, on]) => {
    const known = actions.filter((a) => {
      const [prefix, name] = a.split(':');
      return catalog.action(prefix, name) !== undefined;
    });
    return known.length ? [`${known.map((a) => `\`${a}\``).join(', ')} on ${on}`] : [];
  });
}

function chainHover(statement: SqlStatement, role: RoleValue, offset: number, catalog: Catalog): Found | null {
  const elements = role.elements.filter((e) => e.arn);
  // On the ARN itself, as the range shown: the spaces around it are not part of it.
  const index = elements.findIndex((e) => offset >= e.arnOffset && offset <= e.arnOffset + e.arn.length);
  if (index < 0) return null;
  const roles = elements.map((e) => roleInfo(e.arn));
  const catalogRole = role.clause.name === 'CATALOG_ROLE';
  const lines: string[] = [];
  lines.push(roles.length > 1
    ? `**Role chain** of ${statement.label}: ${roles.length} roles${roles.length > MAX_CHAIN ? ` (at most ${MAX_CHAIN} are allowed)` : ''}, each assuming the next.`
    : `**IAM role** of ${statement.label}.`);
  const access = accessOf(statement);
  const work = catalogRole ? ['access to the AWS Glue Data Catalog (or Athena) for the external database'] : permissionsFor(access, catalog);
  roles.forEach((r, k) => {
    const here = k === index ? ' ← here' : '';
    const parts: string[] = [];
    if (k === 0) parts.push('Redshift assumes it first: it must be attached to the cluster (or Serverless namespace) and its trust policy must trust `redshift.amazonaws.com`.');
    else parts.push(`Assumed by ${roles[k - 1].name}: its trust policy must trust \`${roles[k - 1].arn}\` (or account \`${roles[k - 1].account}\`).`);
    if (k < roles.length - 1) parts.push(`Its permission policy must allow \`sts:AssumeRole\` on \`${roles[k + 1].arn}\`.`);
    else if (work.length) parts.push(`It needs what the ${statement.label} does: ${work.join('; ')}.`);
    lines.push(`${k + 1}. **${r.name}** in account \`${r.account}\`${here}: ${parts.join(' ')}`);
  });
  const hops = roles.slice(1).map((r, k) => `${roles[k].name} in account ${roles[k].account} assumes ${r.name} in account ${r.account}.`);
  if (hops.length) lines.push(hops.join('  \n'));
  if (role.clause.name === 'ON') {
    const commands = access.commands?.join(', ') ?? 'the commands named after FOR';
    lines.push(`Users and groups granted ASSUMEROLE on this chain may use it in ${commands}.`);
  }
  const element = elements[index];
  return md(lines.join('\n\n'), element.arnOffset, element.arnOffset + element.arn.length);
}

export function hoverSql(doc: TextDocument, offset: number, ctx: SqlHoverContext): Hover | null {
  const text = doc.getText();
  const model = modelAround(text, offset);
  if (inComment(model, offset)) return null;
  const statement = statementIn(model, offset);
  if (!statement || !carriesAuthorization(statement)) return null;
  const found = hoverAt(statement, offset, ctx.catalog);
  if (!found) return null;
  return { contents: found.contents, range: { start: doc.positionAt(found.start), end: doc.positionAt(found.end) } };
}

function hoverAt(statement: SqlStatement, offset: number, catalog: Catalog): Found | null {
  for (const role of statement.roles) {
    if (isQuotedKeyword(role.value.text)) continue;
    if (offset >= role.value.offset && offset <= role.value.offset + role.value.text.length) {
      const hover = chainHover(statement, role, offset, catalog);
      if (hover) return hover;
    }
  }
  for (const clause of statement.clauses) {
    const value = clause.value;
    if (clause.name === 'CREDENTIALS' && value && offset >= value.offset && offset <= value.offset + value.text.length) {
      const pair = clause.pairs?.find((p) => offset >= p.offset && offset < p.offset + p.segment.length);
      const doc = pair && CREDENTIAL_KEYS[pair.key];
      if (pair && doc) return md(`**${pair.key}** (CREDENTIALS)\n\n${doc}`, pair.offset, pair.offset + pair.segment.length);
    }
    if (value && offset >= value.start && offset < value.end && ROLE_CLAUSES.has(clause.name)) {
      const word = value.value.toUpperCase();
      if (word === 'DEFAULT') return md(`**default**\n\n${CLAUSE_DOCS.DEFAULT}${KINDS[statement.kind].defaultRole ? '' : `\n\n${statement.label} does not accept it.`}`, value.start, value.end);
      if (word === 'SESSION') return md(`**'SESSION'**\n\n${CLAUSE_DOCS.SESSION}${KINDS[statement.kind].sessionRole ? '' : `\n\n${statement.label} does not accept it.`}`, value.start, value.end);
    }
    if (offset >= clause.keyword.start && offset < clause.keyword.end) {
      const doc = CLAUSE_DOCS[clause.name];
      if (doc) return md(`**${clause.name}** (${statement.label})\n\n${doc}${keywordNote(statement, clause.name)}`, clause.keyword.start, clause.keyword.end);
    }
  }
  if (offset >= statement.head.start && offset < statement.head.end) {
    return md(statementSummary(statement, catalog), statement.head.start, statement.head.end);
  }
  return null;
}

/** What this statement accepts for a clause, when it differs from the general rule. */
function keywordNote(statement: SqlStatement, name: string): string {
  const info = KINDS[statement.kind];
  if (name === 'IAM_ROLE') {
    const accepts = [info.defaultRole ? '`default`' : '', info.sessionRole ? "`'SESSION'`" : '', info.chain ? `a chain of up to ${MAX_CHAIN} role ARNs` : 'one role ARN'].filter(Boolean);
    return `\n\n${statement.label} accepts ${accepts.join(', ')}.`;
  }
  if (['CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN'].includes(name) && !info.keys) {
    return `\n\n${statement.label} does not accept it: use IAM_ROLE.`;
  }
  return '';
}

function statementSummary(statement: SqlStatement, catalog: Catalog): string {
  const access = accessOf(statement);
  const lines = [`**${statement.label}**${access.source ? ` from ${access.source}` : ''}`];
  const how = {
    roles: access.roles.length ? `role ${access.roles.map((r) => roleInfo(r.arn).name).join(' → ')}` : 'a role',
    default: "the cluster's default IAM role",
    session: "the caller's federated identity ('SESSION')",
    keys: 'access keys (AWS recommends IAM_ROLE)',
    none: 'nothing yet: add IAM_ROLE',
    templated: 'a template',
  }[access.authorization];
  lines.push(`Authorization: ${how}.`);
  const needs = permissionsFor(access, catalog);
  if (needs.length) lines.push(`The role needs ${needs.join('; ')}.`);
  return lines.join('\n\n');
}
