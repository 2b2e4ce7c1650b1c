import type { Node } from 'jsonc-parser';
import { Arn, arnProblems, isAccountPlaceholder, looksLikeArn, parseArn } from '../../arn';
import { didYouMean } from '../../text';
import type { Report } from '../../types';
import { arnShapeLookup } from '../arns';
import { members, PRINCIPAL_ELEMENTS, spanInString } from '../parse';
import type { PolicyRule, PolicyRuleContext } from './rule';

export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
/** The web identity providers a `Federated` principal may name without an ARN (IAM User Guide, Principal element). */
const WEB_IDENTITY_PROVIDERS = ['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com'];
/** `service-name.amazonaws.com`, or `.amazonaws.com.cn` in the China Regions. */
export const SERVICE_PRINCIPAL_SHAPE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/i;
/** What an AWS principal ARN may name, by service: accounts, users and roles in IAM; sessions in STS. */
const PRINCIPAL_RESOURCES: Record<string, RegExp> = {
  iam: /^(?:root|user\/.+|role\/.+)$/,
  sts: /^(?:assumed-role\/[^/]+\/.+|federated-user\/.+)$/,
};

type Reporter = (node: Node, start: number, length: number, message: string) => void;

function checkAws(text: string, node: Node, ctx: PolicyRuleContext, at: Reporter): void {
  if (text === '*' || /^\d{12}$/.test(text) || isAccountPlaceholder(text)) return;
  if (!looksLikeArn(text)) {
    at(node, 0, text.length, /^\d+$/.test(text)
      ? `Account ID "${text}" has ${text.length} digits; AWS account IDs have exactly 12.`
      : 'An AWS principal is a 12-digit account ID, an IAM or STS ARN (account root, user, role, assumed-role session) or "*".');
    return;
  }
  // Shape problems (fields, partition, account digits, missing account) are invalid-arn's.
  if (arnProblems(text, { allowWildcards: true, shapeOf: arnShapeLookup(ctx.catalog) }).length > 0) return;
  const arn = parseArn(text);
  const fields: (keyof Arn)[] = ['partition', 'service', 'region', 'account', 'resource'];
  // Unparsed yet accepted by invalid-arn means a trailing wildcard stands for missing fields. Policy
  // variables are invalid-policy-variable's to report.
  const wild = arn ? fields.map((f) => arn[f]).find((f) => /[*?]/.test(f.text)) : undefined;
  if (!arn || wild) {
    const span = wild ?? { text, start: 0 };
    at(node, span.start, span.text.length, 'IAM matches principals exactly: no wildcard inside a principal ARN (use "*" alone, or aws:PrincipalArn with ArnLike in a Condition).');
    return;
  }
  const service = arn.service.text;
  const allowed = PRINCIPAL_RESOURCES[service];
  if (!allowed) {
    at(node, arn.service.start, service.length, `An AWS principal is an IAM or STS ARN; "${service}" ARNs name resources, not principals.`);
  } else if (!allowed.test(arn.resource.text)) {
    const kind = arn.resource.text.split(/[/:]/)[0];
    at(node, arn.resource.start, arn.resource.text.length,
      kind === 'group' ? 'A user group cannot be a principal: name its users or roles instead.'
        : service === 'sts' ? 'An STS principal is assumed-role/<role>/<session> or federated-user/<name>.'
          : kind === 'assumed-role' || kind === 'federated-user' ? `Session principals are STS ARNs: arn:${arn.partition.text}:sts::${arn.account.text}:${arn.resource.text}.`
            : 'An IAM principal ARN names root, user/<name> or role/<name>.');
  }
}

function checkService(text: string, node: Node, ctx: PolicyRuleContext, report: Report): void {
  if (SERVICE_PRINCIPAL_SHAPE.test(text)) return;
  const domain = !text.includes('.') && ctx.catalog.service(text) ? `${text}.amazonaws.com` : undefined;
  report({
    offset: node.offset,
    length: node.length,
    message: domain ? `A service principal is a domain: write "${domain}".` : 'A service principal is a domain such as "redshift.amazonaws.com".',
    fixes: domain ? [{ title: `Change to "${domain}"`, preferred: true, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(domain) }] }] : undefined,
  });
}

function checkFederated(text: string, node: Node, ctx: PolicyRuleContext, at: Reporter): void {
  if (WEB_IDENTITY_PROVIDERS.includes(text)) return;
  const arn = looksLikeArn(text) ? parseArn(text) : undefined;
  if (arn) {
    const problems = arnProblems(text, { allowWildcards: false, shapeOf: arnShapeLookup(ctx.catalog) });
    for (const p of problems) at(node, p.start, p.length, p.message);
    if (problems.length > 0) return;
    if (arn.service.text === 'iam' && /^(?:saml-provider|oidc-provider)\/./.test(arn.resource.text)) return;
    at(node, arn.resource.start, arn.resource.text.length, 'A federated principal ARN names an IAM identity provider: saml-provider/<name> or oidc-provider/<host>.');
    return;
  }
  at(node, 0, text.length, `A federated principal is ${WEB_IDENTITY_PROVIDERS.join(', ')} or the ARN of an IAM SAML or OIDC provider.`);
}

function checkCanonicalUser(text: string, node: Node, at: Reporter): void {
  if (!/^[0-9a-f]{64}$/i.test(text)) at(node, 0, text.length, 'A canonical user ID is 64 hexadecimal characters.');
}

/** The principal type a bare string most likely belongs to, for the quick fix that wraps it. */
function typeOfBareValue(text: string): string | undefined {
  if (/^\d{12}$/.test(text) || looksLikeArn(text)) return 'AWS';
  if (SERVICE_PRINCIPAL_SHAPE.test(text)) return 'Service';
  return undefined;
}

export const rule: PolicyRule = {
  id: 'invalid-principal',
  severity: 'error',
  description: 'Principal and NotPrincipal are "*" or an object of AWS, Service, Federated and CanonicalUser principals, each well formed.',
  check(doc, ctx, report) {
    const at: Reporter = (node, start, length, message) => report({ ...spanInString(doc.text, node, start, Math.max(length, 1)), message });
    const checkString = (type: string, node: Node) => {
      const text = String(node.value);
      if (text === '') return report({ offset: node.offset, length: node.length, message: `An empty ${type} principal names no one.` });
      if (type === 'AWS') checkAws(text, node, ctx, at);
      else if (type === 'Service') checkService(text, node, ctx, report);
      else if (type === 'Federated') checkFederated(text, node, ctx, at);
      else checkCanonicalUser(text, node, at);
    };
    const checkValue = (type: string, value: Node, inArray: boolean) => {
      if (value.type === 'string') return checkString(type, value);
      if (value.type === 'array' && !inArray) {
        if (!value.children?.length) report({ offset: value.offset, length: value.length, message: `An empty ${type} list names no one.` });
        for (const child of value.children ?? []) checkValue(type, child, true);
        return;
      }
      const raw = doc.text.slice(value.offset, value.offset + value.length);
      const quoted = value.type === 'number' && type === 'AWS' && /^\d{12}$/.test(raw);
      report({
        offset: value.offset,
        length: value.length,
        message: quoted ? `An account ID is a string: write "${raw}".` : `${type} principals are strings${inArray ? '' : ' or arrays of strings'}.`,
        fixes: quoted ? [{ title: `Quote "${raw}"`, preferred: true, edits: [{ offset: value.offset, length: value.length, newText: JSON.stringify(raw) }] }] : undefined,
      });
    };
    for (const statement of doc.statements) {
      for (const element of PRINCIPAL_ELEMENTS) {
        const value = statement.members[element]?.value;
        if (!value) continue;
        if (value.type === 'string') {
          if (value.value === '*') continue;
          const type = typeOfBareValue(String(value.value));
          const wrapped = type && `{ ${JSON.stringify(type)}: ${JSON.stringify(value.value)} }`;
          report({
            offset: value.offset,
            length: value.length,
            message: `${element} is "*" or an object naming the principal type, such as { "AWS": "123456789012" }.`,
            fixes: wrapped ? [{ title: `Change to ${wrapped}`, preferred: true, edits: [{ offset: value.offset, length: value.length, newText: wrapped }] }] : undefined,
          });
          continue;
        }
        if (value.type !== 'object') {
          report({ offset: value.offset, length: value.length, message: `${element} is "*" or an object such as { "AWS": [...] }, not ${value.type === 'array' ? 'an array' : `a ${value.type}`}.` });
          continue;
        }
        const entries = members(value);
        if (entries.length === 0) report({ offset: value.offset, length: value.length, message: `An empty ${element} names no one: add AWS, Service, Federated or CanonicalUser principals.` });
        for (const m of entries) {
          if (PRINCIPAL_TYPES.includes(m.key)) {
            if (m.value) checkValue(m.key, m.value, false);
            continue;
          }
          const suggestion = didYouMean(m.key, PRINCIPAL_TYPES);
          report({
            offset: m.keyNode.offset,
            length: m.keyNode.length,
            message: `Unknown principal type "${m.key}"${suggestion ? `: did you mean "${suggestion}"?` : `; expected ${PRINCIPAL_TYPES.join(', ')}.`}`,
            fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ offset: m.keyNode.offset, length: m.keyNode.length, newText: JSON.stringify(suggestion) }] }] : undefined,
          });
        }
      }
    }
  },
};
