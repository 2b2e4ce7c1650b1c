import { type ArnPattern, overlaps, resourcePattern, templatePatterns } from '../../arnOverlap';
import type { Action, Catalog } from '../../catalog';
import { actionValues } from '../elements';
import { stringNodes } from '../parse';
import type { PolicyRule } from './rule';

/** A resource type of an action with its ARN template and the parsed forms of that template. */
interface ResourceForm { key: string; arn: string; templates: ArnPattern[] }

const formsByAction = new WeakMap<Action, ResourceForm[]>();

/** The resource types of an action, simplest ARN first. */
function resourceForms(catalog: Catalog, action: Action): ResourceForm[] {
  let forms = formsByAction.get(action);
  if (!forms) {
    forms = action.resourceTypes.flatMap((r) => {
      const type = catalog.resourceType(action.service, r.key);
      return type ? [{ key: r.key, arn: type.arn, templates: templatePatterns(type.arn) }] : [];
    }).sort((x, y) => x.arn.length - y.arn.length);
    formsByAction.set(action, forms);
  }
  return forms;
}

/** A small edit of one resource that the action would accept: `/*` added (bucket → its objects) or
 * the last path part removed (objects → their bucket). */
function suggestResource(resources: ArnPattern[], forms: ArnPattern[]): string | undefined {
  for (const r of resources) {
    const candidates: string[] = [];
    if (!r.text.endsWith('*')) candidates.push(`${r.text.replace(/\/$/, '')}/*`);
    const slash = r.text.lastIndexOf('/');
    if (slash > 0) candidates.push(r.text.slice(0, slash));
    for (const candidate of candidates) {
      const resource = resourcePattern(candidate);
      if (forms.some((t) => overlaps(t, resource))) return candidate;
    }
  }
  return undefined;
}

export const rule: PolicyRule = {
  id: 'resource-mismatch',
  severity: 'warning',
  description: 'Each action must act on at least one resource of its statement: an action whose resource types match none of the ARNs is granted on nothing.',
  check(doc, { catalog }, report) {
    for (const statement of doc.statements) {
      const element = statement.members.get('Resource')?.value;
      const nodes = stringNodes(element);
      if (statement.members.has('NotResource') || nodes.length === 0 || (element?.type === 'array' && nodes.length !== element.children?.length)) continue;
      const values = nodes.map((n) => String(n.value));
      // `*`, and values that are not ARNs (another rule reports them), leave nothing to compare.
      if (values.some((v) => !/^arn:/i.test(v))) continue;
      const resources = values.map(resourcePattern);
      // Actions share templates (most EC2 actions act on instances): compare each template once.
      const templateMatches = new Map<ArnPattern, boolean>();
      const templateMatchesAny = (t: ArnPattern): boolean => {
        let ok = templateMatches.get(t);
        if (ok === undefined) templateMatches.set(t, (ok = resources.some((r) => overlaps(t, r))));
        return ok;
      };
      const actionAccepts = (action: Action): boolean => {
        const forms = resourceForms(catalog, action);
        // No resource type: the action only supports "*", which the resource check does not judge.
        return forms.length === 0 || forms.some((f) => f.templates.some(templateMatchesAny));
      };
      for (const v of actionValues(statement, 'Action', catalog)) {
        if (!v.matches?.length || v.matches.some(actionAccepts)) continue;
        const forms = [...new Map(v.matches.flatMap((a) => resourceForms(catalog, a)).map((f) => [f.arn, f])).values()];
        const described = forms.slice(0, 3).map((f) => `${f.key} (${f.arn})`);
        if (forms.length > 3) described.push(`${forms.length - 3} other resource types`);
        const listed = described.length === 1 ? described[0] : `${described.slice(0, -1).join(', ')} or ${described.at(-1)}`;
        const suggestion = suggestResource(resources, forms.flatMap((f) => f.templates));
        report({
          offset: v.node.offset,
          length: v.node.length,
          message: `${v.value} acts on ${listed}; no resource of this statement matches${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
        });
      }
    }
  },
};
