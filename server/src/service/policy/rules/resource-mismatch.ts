import type { Action, Catalog } from '../../catalog';
import { actionValues } from '../elements';
import { stringNodes } from '../parse';
import type { PolicyRule } from './rule';

/** An ARN pattern as tokens: a literal character, `?` (any one character) or a run of characters
 * that may not contain any character of `excluded` (`*`, or a placeholder of an ARN template). */
type Token = { char: string } | { one: true } | { run: string };

/** What a template placeholder can stand for. Partition, region and account are single ARN fields;
 * S3 bucket names contain no `/`. Every other placeholder may be anything, which keeps the check from
 * ever flagging a resource it cannot judge. */
function placeholderToken(name: string): Token {
  if (name === 'Partition' || name === 'Region' || name === 'Account') return { run: ':' };
  if (name === 'BucketName') return { run: ':/' };
  return { run: '' };
}

function tokenize(pattern: string, template: boolean): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const close = c === '$' && pattern[i + 1] === '{' ? pattern.indexOf('}', i) : -1;
    if (close > 0) {
      // Placeholders in templates; policy variables (`${aws:username}`) in resources: both stand for text.
      tokens.push(template ? placeholderToken(pattern.slice(i + 2, close)) : { run: '' });
      i = close;
    } else if (c === '*') tokens.push({ run: '' });
    else if (c === '?') tokens.push({ one: true });
    else tokens.push({ char: c.toLowerCase() });
  }
  return tokens;
}

/** Whether some string matches both patterns (ARNs compared case-insensitively, which only errs
 * towards "they overlap"). */
function overlap(a: Token[], b: Token[]): boolean {
  const width = b.length + 1;
  const memo = new Uint8Array((a.length + 1) * width); // 0 unknown, 1 no, 2 yes
  const solve = (i: number, j: number): boolean => {
    const cell = i * width + j;
    if (memo[cell]) return memo[cell] === 2;
    memo[cell] = 1;
    const x = a[i];
    const y = b[j];
    let result = i === a.length && j === b.length;
    if (!result && x && 'run' in x) result = solve(i + 1, j);
    if (!result && y && 'run' in y) result = solve(i, j + 1);
    // Both runs consuming a character leads back to this state: the skips above cover it.
    if (!result && x && y && !('run' in x && 'run' in y) && compatible(x, y)) result = solve('run' in x ? i : i + 1, 'run' in y ? j : j + 1);
    memo[cell] = result ? 2 : 1;
    return result;
  };
  return solve(0, 0);
}

function compatible(x: Token, y: Token): boolean {
  if ('char' in x && 'char' in y) return x.char === y.char;
  if ('char' in x && 'run' in y) return !y.run.includes(x.char);
  if ('run' in x && 'char' in y) return !x.run.includes(y.char);
  return true;
}

/** Field 2 (the service) of an ARN pattern when it is plain text, to skip most comparisons cheaply. */
function serviceField(arn: string): string | undefined {
  const service = arn.split(':')[2];
  return service !== undefined && !/[*?$]/.test(service) ? service.toLowerCase() : undefined;
}

interface Template { arn: string; service?: string; tokens: Token[] }

const templateCache = new Map<string, Template[]>();

/** The ARN forms of a catalogue template: some list two forms separated by ", ". */
function templates(arn: string): Template[] {
  let forms = templateCache.get(arn);
  if (!forms) {
    forms = arn.split(', ').map((form) => ({ arn: form, service: serviceField(form), tokens: tokenize(form, true) }));
    templateCache.set(arn, forms);
  }
  return forms;
}

interface Resource { value: string; service?: string; tokens: Token[] }

function matches(template: Template, resource: Resource): boolean {
  if (template.service && resource.service && template.service !== resource.service) return false;
  return overlap(template.tokens, resource.tokens);
}

/** A resource type of an action with its ARN template and the parsed forms of that template. */
interface ResourceForm { key: string; arn: string; templates: Template[] }

const formsByAction = new WeakMap<Action, ResourceForm[]>();

/** The resource types of an action, simplest ARN first. */
function resourceForms(catalog: Catalog, action: Action): ResourceForm[] {
  let forms = formsByAction.get(action);
  if (!forms) {
    forms = action.resourceTypes.flatMap((r) => {
      const type = catalog.resourceType(action.service, r.key);
      return type ? [{ key: r.key, arn: type.arn, templates: templates(type.arn) }] : [];
    }).sort((x, y) => x.arn.length - y.arn.length);
    formsByAction.set(action, forms);
  }
  return forms;
}

/** A small edit of one resource that the action would accept: `/*` added (bucket → its objects) or
 * the last path part removed (objects → their bucket). */
function suggestResource(resources: Resource[], forms: Template[]): string | undefined {
  for (const r of resources) {
    const candidates: string[] = [];
    if (!r.value.endsWith('*')) candidates.push(`${r.value.replace(/\/$/, '')}/*`);
    const slash = r.value.lastIndexOf('/');
    if (slash > 0) candidates.push(r.value.slice(0, slash));
    for (const candidate of candidates) {
      const resource = { value: candidate, service: serviceField(candidate), tokens: tokenize(candidate, false) };
      if (forms.some((t) => matches(t, resource))) return candidate;
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
      const resources: Resource[] = values.map((value) => ({ value, service: serviceField(value), tokens: tokenize(value, false) }));
      // Actions share templates (most EC2 actions act on instances): compare each template once.
      const templateMatches = new Map<Template, boolean>();
      const templateMatchesAny = (t: Template): boolean => {
        let ok = templateMatches.get(t);
        if (ok === undefined) templateMatches.set(t, (ok = resources.some((r) => matches(t, r))));
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
