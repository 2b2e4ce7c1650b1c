import type { Node } from 'jsonc-parser';
import { looksLikeArn } from '../../arn';
import type { Fix } from '../../types';
import { conditionEntries, parseOperator, type OperatorType } from '../conditions';
import type { PolicyRule } from './rule';

/** Operators whose values may hold policy variables, which IAM resolves before comparing. */
const RESOLVES_VARIABLES = new Set<OperatorType>(['String', 'Arn', 'Bool']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Problem with a W3C ISO 8601 date or date-time (`2024-01-31`, `2024-01-31T12:00:00Z`), or undefined. */
function dateProblem(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?)?)?$/.exec(text);
  if (!m) return `"${text}" is not a date: expected ISO 8601 such as "2024-12-31" or "2024-12-31T23:59:59Z", or epoch seconds.`;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (m[2] !== undefined && (month < 1 || month > 12)) return `"${text}" has month ${m[2]}: months run from 01 to 12.`;
  if (m[3] !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return `"${text}" is not a real date: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days.`;
  }
  if (hour > 23 || minute > 59 || second > 59 || Number(m[8] ?? 0) > 23 || Number(m[9] ?? 0) > 59) {
    return `"${text}" has a time out of range: hours run from 00 to 23, minutes and seconds from 00 to 59.`;
  }
  return undefined;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  // An IPv4 address may stand in for the last two groups.
  const last = all[all.length - 1];
  const embedded = last !== undefined && last.includes('.');
  if (embedded && !isIpv4(last)) return false;
  const hex = embedded ? all.slice(0, -1) : all;
  if (!hex.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hex.length + (embedded ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

function ipProblem(text: string): string | undefined {
  const [address, prefix, ...rest] = text.split('/');
  const v4 = isIpv4(address);
  if (rest.length > 0 || !(v4 || isIpv6(address))) {
    return `"${text}" is not an IP address or CIDR range: expected IPv4 or IPv6, such as "203.0.113.0/24" or "2001:DB8:1234:5678::/64".`;
  }
  const max = v4 ? 32 : 128;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= max)) {
    return `"${text}" has prefix length /${prefix}: an ${v4 ? 'IPv4' : 'IPv6'} prefix runs from /0 to /${max}.`;
  }
  return undefined;
}

interface Problem { message: string; fix?: string }

function asProblem(message: string | undefined): Problem | undefined {
  return message === undefined ? undefined : { message };
}

function valueProblem(type: OperatorType, operator: string, node: Node): Problem | undefined {
  if (type === 'String') return undefined;
  const value: unknown = node.value;
  const text = String(value);
  if (node.type === 'string' && text.includes('${') && !RESOLVES_VARIABLES.has(type)) {
    return { message: `${operator} does not resolve policy variables: "${text}" would be compared as literal text.` };
  }
  switch (type) {
    case 'Bool':
    case 'Null':
      if (node.type === 'boolean' || text === 'true' || text === 'false') return undefined;
      if (type === 'Bool' && text.includes('${')) return undefined;
      return {
        message: `${operator} expects true or false, not ${JSON.stringify(value)}.`,
        fix: /^(true|false)$/i.test(text) ? text.toLowerCase() : undefined,
      };
    case 'Numeric':
      if (node.type === 'number' || (node.type === 'string' && /^-?\d+(\.\d+)?$/.test(text))) return undefined;
      return { message: `${operator} expects a number, not ${JSON.stringify(value)}.` };
    case 'Date':
      if ((node.type === 'number' && Number.isInteger(value) && Number(value) >= 0) || (node.type === 'string' && /^\d+$/.test(text))) return undefined;
      if (node.type !== 'string') return { message: `${operator} expects an ISO 8601 date or epoch seconds, not ${JSON.stringify(value)}.` };
      return asProblem(dateProblem(text));
    case 'IpAddress':
      if (node.type !== 'string') return { message: `${operator} expects an IP address or CIDR range string, not ${JSON.stringify(value)}.` };
      return asProblem(ipProblem(text));
    case 'Arn':
      if (node.type !== 'string') return { message: `${operator} expects an ARN string, not ${JSON.stringify(value)}.` };
      // The fields of an ARN-looking value are invalid-arn's to check.
      if (text.startsWith('${') || looksLikeArn(text)) return undefined;
      return { message: `${operator} expects an ARN "arn:partition:service:region:account:resource" (wildcards allowed), not "${text}".` };
    case 'Binary':
      if (node.type === 'string' && text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
      return { message: `${operator} expects the base64 encoding of the binary value, not ${JSON.stringify(value)}.` };
  }
}

export const rule: PolicyRule = {
  id: 'invalid-condition-value',
  severity: 'error',
  description: 'Condition values must suit their operator: true/false for Bool and Null, numbers, ISO 8601 dates, IP ranges, ARNs, base64.',
  check(doc, _ctx, report) {
    for (const s of doc.statements) {
      for (const entry of conditionEntries(s)) {
        const parsed = parseOperator(entry.operator.key);
        if (!parsed) continue;
        for (const node of entry.values) {
          if (node.type !== 'string' && node.type !== 'number' && node.type !== 'boolean') continue;
          const problem = valueProblem(parsed.type, entry.operator.key, node);
          if (!problem) continue;
          const fixes: Fix[] | undefined = problem.fix
            ? [{ title: `Change to "${problem.fix}"`, preferred: true, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(problem.fix) }] }]
            : undefined;
          report({ offset: node.offset, length: node.length, message: problem.message, fixes });
        }
      }
    }
  },
};
