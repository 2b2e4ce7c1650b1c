import { ACTION_ELEMENTS } from '../parse';
import type { PolicyRule } from './rule';

/** `service:ActionName`, which the checks below would all pass. */
const WELL_FORMED = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

/** What is wrong with the shape of one action string, or undefined when it is `*` or `service:Action`. */
function actionFormatProblem(action: string): string | undefined {
  if (WELL_FORMED.test(action)) return undefined;
  if (action === '') return 'An action must not be empty: expected "service:ActionName".';
  if (action === '*') return undefined;
  if (/\s/.test(action)) return `Action "${action}" contains whitespace: expected "service:ActionName".`;
  const parts = action.split(':');
  if (parts.length === 1) return `Action "${action}" has no service prefix: expected "service:ActionName", such as "s3:GetObject".`;
  if (parts.length > 2) return `Action "${action}" has more than one colon: expected "service:ActionName".`;
  const [service, name] = parts;
  if (service === '') return `Action "${action}" has no service before the colon: expected "service:ActionName".`;
  if (name === '') return `Action "${action}" has no action name after the colon: expected "${service}:ActionName" or "${service}:*".`;
  const badService = /[^A-Za-z0-9*?-]/.exec(service);
  if (badService) return `The service prefix of "${action}" contains "${badService[0]}": service prefixes use letters, digits and hyphens.`;
  const badName = /[^A-Za-z0-9*?_-]/.exec(name);
  if (badName) return `The action name in "${action}" contains "${badName[0]}": action names use letters, digits, "_" and "-", with wildcards "*" and "?".`;
  return undefined;
}

export const rule: PolicyRule = {
  id: 'invalid-action-format',
  severity: 'error',
  description: 'Action and NotAction hold "service:ActionName" strings (wildcards * and ? allowed) or "*".',
  check(doc, _ctx, report) {
    for (const s of doc.statements) {
      for (const key of ACTION_ELEMENTS) {
        const value = s.members[key]?.value;
        if (!value) continue;
        if (value.type !== 'string' && value.type !== 'array') {
          report({ offset: value.offset, length: value.length, message: `${key} must be an action string or an array of action strings.` });
          continue;
        }
        const elements = value.type === 'array' ? value.children ?? [] : [value];
        if (elements.length === 0) report({ offset: value.offset, length: value.length, message: `${key} is an empty array: list at least one action.` });
        for (const element of elements) {
          const problem = element.type === 'string' ? actionFormatProblem(String(element.value)) : `Each element of ${key} must be an action string, such as "s3:GetObject".`;
          if (problem) report({ offset: element.offset, length: element.length, message: problem });
        }
      }
    }
  },
};
