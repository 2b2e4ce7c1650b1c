import { type ArnPattern, overlaps, resourcePattern, templatePatterns } from '../../arnOverlap';
import { looksLikeArn } from '../../arn';
import type { Action, Catalog } from '../../catalog';
import { actionValues } from '../elements';
import type { Statement } from '../parse';
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
      const resources = resourcePatterns(statement);
      if (!resources) continue;
      // Actions share templates (most EC2 actions act on instances): a value that names many actions
      // compares each template once.
      let decided: Map<ArnPattern, boolean> | undefined;
      for (const v of actionValues(statement, 'Action', catalog)) {
        if (!v.matches?.length) continue;
        if (v.matches.length === 1 ? accepts(catalog, v.matches[0], resources) : v.matches.some((a) => accepts(catalog, a, resources, (decided ??= new Map())))) continue;
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

/** The statement's Resource values as patterns, or undefined when there is nothing to compare them
 * with: NotResource, no Resource, a value that is not a string, or one that is not an ARN (`*`; another
 * rule reports the rest). */
function resourcePatterns(statement: Statement): ArnPattern[] | undefined {
  if (statement.members.NotResource !== undefined) return undefined;
  const element = statement.members.Resource?.value;
  const nodes = element?.type === 'array' ? element.children! : element ? [element] : [];
  if (nodes.length === 0 || !nodes.every((node) => node.type === 'string' && looksLikeArn(node.value))) return undefined;
  return nodes.map((node) => resourcePattern(node.value));
}

/** Whether an action acts on a resource some template of its resource types matches; one with no
 * resource type only supports "*", which this rule does not judge. */
function accepts(catalog: Catalog, action: Action, resources: ArnPattern[], decided?: Map<ArnPattern, boolean>): boolean {
  const forms = resourceForms(catalog, action);
  if (forms.length === 0) return true;
  for (const form of forms) {
    for (const t of form.templates) {
      let ok = decided?.get(t);
      if (ok === undefined) {
        ok = overlapsAny(t, resources);
        decided?.set(t, ok);
      }
      if (ok) return true;
    }
  }
  return false;
}

function overlapsAny(template: ArnPattern, resources: ArnPattern[]): boolean {
  for (const r of resources) if (overlaps(template, r)) return true;
  return false;
}
