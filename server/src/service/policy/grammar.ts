/** What the elements of the IAM policy language mean, in a sentence each (from the IAM JSON policy
 * element reference), for completion documentation and hovers. */
import type { OperatorType, ParsedOperator } from './conditions';

export const ELEMENT_DOCS: Record<string, string> = {
  Version: 'The policy language version. Use `2012-10-17`: the older `2008-10-17` does not support policy variables.',
  Id: 'An optional identifier for the policy, such as a UUID.',
  Statement: 'The statements of the policy: one object or an array of objects, each granting or denying access.',
  Sid: 'An optional statement identifier: letters and digits, unique within the policy.',
  Effect: '`Allow` or `Deny`: whether the statement grants or denies access. An explicit Deny wins over any Allow.',
  Principal: 'Who the statement applies to: AWS accounts, roles and users, AWS services, federated users. Only in trust and resource-based policies.',
  NotPrincipal: 'Every principal except those listed. Rarely right: prefer Principal with a condition.',
  Action: 'The actions the statement allows or denies, as `service:Action`, with `*` and `?` wildcards.',
  NotAction: 'Every action except those listed. With Allow, this grants all other actions, including new ones.',
  Resource: 'The resources the statement applies to, as ARNs with `*` and `?` wildcards. Not used in trust policies.',
  NotResource: 'Every resource except those listed.',
  Condition: 'When the statement applies: operators, each with condition keys and the values they are compared with.',
};

export const PRINCIPAL_TYPE_DOCS: Record<string, string> = {
  AWS: 'AWS accounts (12-digit ID or `arn:aws:iam::<account>:root`), IAM roles, IAM users, assumed-role sessions, or `*`.',
  Service: 'AWS services, by service principal such as `redshift.amazonaws.com`.',
  Federated: 'Web identity or SAML identity providers: `cognito-identity.amazonaws.com`, `accounts.google.com`, or a provider ARN.',
  CanonicalUser: 'An Amazon S3 canonical user ID (an obfuscated account identifier).',
};

const OPERATOR_TYPE_DOCS: Record<OperatorType, string> = {
  String: 'compares strings',
  Numeric: 'compares numbers',
  Date: 'compares dates (ISO 8601 or epoch seconds)',
  Bool: 'compares with `true` or `false`',
  Binary: 'compares base64-encoded binary values byte by byte',
  IpAddress: 'compares IPv4 or IPv6 addresses with CIDR ranges',
  Arn: 'compares ARNs field by field; `*` and `?` match within each field',
  Null: 'tests whether the key is absent (`true`) or present (`false`) in the request',
};

const BASE_DOCS: Record<string, string> = {
  StringEquals: 'Exact, case-sensitive match.',
  StringNotEquals: 'Negated exact, case-sensitive match.',
  StringEqualsIgnoreCase: 'Exact match, ignoring case.',
  StringNotEqualsIgnoreCase: 'Negated match, ignoring case.',
  StringLike: 'Case-sensitive match; `*` matches any run of characters and `?` one character.',
  StringNotLike: 'Negated case-sensitive match with `*` and `?` wildcards.',
  NumericEquals: 'Equal.', NumericNotEquals: 'Not equal.', NumericLessThan: 'Less than.', NumericLessThanEquals: 'Less than or equal.',
  NumericGreaterThan: 'Greater than.', NumericGreaterThanEquals: 'Greater than or equal.',
  DateEquals: 'The same date.', DateNotEquals: 'Not the same date.', DateLessThan: 'Before the date.', DateLessThanEquals: 'At or before the date.',
  DateGreaterThan: 'After the date.', DateGreaterThanEquals: 'At or after the date.',
  Bool: 'Boolean match.',
  BinaryEquals: 'Byte-by-byte match of a base64 value.',
  IpAddress: 'The address is in one of the ranges.', NotIpAddress: 'The address is in none of the ranges.',
  ArnEquals: 'ARN match, with wildcards in each field.', ArnLike: 'ARN match, with wildcards in each field.',
  ArnNotEquals: 'Negated ARN match.', ArnNotLike: 'Negated ARN match.',
  Null: 'Key presence check.',
};

/** Markdown explaining an operator such as `ForAnyValue:StringLikeIfExists`. */
export function operatorDoc(op: ParsedOperator): string {
  const lines = [`${BASE_DOCS[op.base] ?? ''} \`${op.base}\` ${OPERATOR_TYPE_DOCS[op.type]}.`];
  if (op.ifExists) lines.push('`IfExists`: when the key is absent from the request, this condition is true.');
  if (op.setPrefix === 'ForAllValues') lines.push('`ForAllValues:` for multivalued keys: true when every value in the request matches one of the condition values, and also when the request has no value for the key.');
  if (op.setPrefix === 'ForAnyValue') lines.push('`ForAnyValue:` for multivalued keys: true when at least one value in the request matches one of the condition values.');
  return lines.join('\n\n');
}

/** The Service Authorization Reference page listing a service's actions, resource types and keys. */
export function serviceReferenceUrl(serviceName: string): string {
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${serviceName.toLowerCase().replace(/[^a-z0-9]/g, '')}.html`;
}
