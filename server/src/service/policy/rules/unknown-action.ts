import { didYouMean } from '../../text';
import { actionValues, replaceInString } from '../elements';
import { ACTION_ELEMENTS, spanInString } from '../parse';
import type { PolicyRule } from './rule';

export const rule: PolicyRule = {
  id: 'unknown-action',
  severity: 'warning',
  description: 'An action must name a service prefix and an action of that service that exist in the IAM catalogue.',
  check(doc, { catalog }, report) {
    // Loops by index: written with for…of, this check made an iterator and its results for every value
    // of every statement (about 0.65 MB at each check of the benchmark policy, a heap profile showed).
    for (let i = 0; i < doc.statements.length; i++) {
      const statement = doc.statements[i];
      for (let k = 0; k < ACTION_ELEMENTS.length; k++) {
        const values = actionValues(statement, ACTION_ELEMENTS[k], catalog);
        for (let j = 0; j < values.length; j++) {
          const v = values[j];
          if (v.service === undefined || v.pattern === undefined || v.matches?.length) continue;
          if (!v.matches) {
            const suggestion = didYouMean(v.service, catalog.serviceNames());
            const span = spanInString(doc.text, v.node, 0, v.service.length);
            report({
              ...span,
              message: `Unknown service prefix "${v.service}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
              fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [replaceInString(doc.text, v.node, 0, v.service.length, suggestion)] }] : undefined,
            });
            continue;
          }
          const service = catalog.service(v.service)!;
          const wildcard = /[*?]/.test(v.pattern);
          const suggestion = wildcard ? undefined : didYouMean(v.pattern, service.actions.map((a) => a.name));
          const span = spanInString(doc.text, v.node, v.service.length + 1, v.pattern.length);
          report({
            ...span,
            message: wildcard
              ? `"${v.pattern}" matches no action of ${service.name} (${service.prefix}).`
              : `${service.name} (${service.prefix}) has no action "${v.pattern}"${suggestion ? `: did you mean "${suggestion}"?` : '.'}`,
            fixes: suggestion ? [{ title: `Change to "${service.prefix}:${suggestion}"`, preferred: true, edits: [replaceInString(doc.text, v.node, v.service.length + 1, v.pattern.length, suggestion)] }] : undefined,
          });
        }
      }
    }
  },
};
