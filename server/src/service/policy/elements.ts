/** Statement elements resolved against the catalogue (actions) or read into plain lists (conditions,
 * principals), shared by the rules. Resolutions are cached per parsed node, so the rules that run on
 * one document share the work. */
import type { Node } from 'jsonc-parser';
import type { Action, Catalog } from '../catalog';
import { remembered } from '../text';
import type { TextEdit } from '../types';
import { conditionEntries } from './conditions';
import { type ACTION_ELEMENTS, contentStart, members, type Statement, type StatementElement, stringNodes } from './parse';

/** One value of Action or NotAction. `matches` is set when the value is `service:pattern` with a
 * service of the catalogue: the catalogue actions it names (empty when it names none). */
export interface ActionValue {
  node: Node;
  value: string;
  service?: string;
  pattern?: string;
  matches?: Action[];
}

const WELL_FORMED = /^([^:\s*?]+):([^:\s]+)$/;

const matchMemo = new WeakMap<Catalog, Map<string, Map<string, Action[]>>>();
/** Past this many distinct strings (each keystroke in an action makes one), a memo lets the oldest go. */
const STRINGS_KEPT = 50_000;

/** Catalogue actions matching `service:pattern`, memoised by service and pattern as written: big
 * policies repeat the same actions. */
export function matchedActions(catalog: Catalog, service: string, pattern: string): Action[] {
  let byService = matchMemo.get(catalog);
  if (!byService) matchMemo.set(catalog, (byService = new Map()));
  let byPattern = byService.get(service);
  if (!byPattern) byService.set(service, (byPattern = new Map()));
  return remembered(byPattern, STRINGS_KEPT, pattern, (key) =>
    /[*?]/.test(key) ? catalog.matchActions(service, key) : [catalog.action(service, key)].filter((a): a is Action => !!a));
}

/** What an action string names, wherever it is written. */
type Resolution = Omit<ActionValue, 'node' | 'value'>;
const resolutions = new WeakMap<Catalog, Map<string, Resolution>>();

/** The values of a statement's Action (or NotAction) element, resolved against the catalogue. A
 * resolution is memoised by the string as written: big policies repeat the same actions. */
export function actionValues(statement: Statement, key: typeof ACTION_ELEMENTS[number], catalog: Catalog): ActionValue[] {
  const memo = statement.memo[key];
  if (memo) return memo;
  let known = resolutions.get(catalog);
  if (!known) resolutions.set(catalog, (known = new Map()));
  const resolve = (action: string): Resolution => {
    const m = WELL_FORMED.exec(action);
    return m && catalog.service(m[1]) ? { service: m[1], pattern: m[2], matches: matchedActions(catalog, m[1], m[2]) } : { service: m?.[1], pattern: m?.[2] };
  };
  const values = stringNodes(statement.members[key]?.value).map((node): ActionValue => {
    const value: string = node.value;
    const r = remembered(known!, STRINGS_KEPT, value, resolve);
    return { node, value, service: r.service, pattern: r.pattern, matches: r.matches };
  });
  return (statement.memo[key] = values);
}

/** The values of a statement's Action element when each names catalogue actions, or undefined when
 * they are not a closed list: NotAction, `*`, a value outside the catalogue or no Action at all. */
export function knownActionValues(statement: Statement, catalog: Catalog): (ActionValue & { matches: Action[] })[] | undefined {
  if (statement.members.NotAction !== undefined) return undefined;
  const values = actionValues(statement, 'Action', catalog);
  if (values.length === 0 || values.some((v) => !v.matches?.length)) return undefined;
  return values as (ActionValue & { matches: Action[] })[];
}

export function isAllow(statement: Statement): boolean {
  return statement.members.Effect?.value?.value === 'Allow';
}

/** Whether an element (Action, Resource...) is or contains the string `*`. */
export function includesStar(statement: Statement, key: StatementElement): boolean {
  return stringNodes(statement.members[key]?.value).some((n) => n.value === '*');
}

/** Whether the statement has a condition on one of `keys`, written in lower case (condition keys are case-insensitive). */
export function hasConditionKey(statement: Statement, keys: ReadonlySet<string>): boolean {
  return conditionEntries(statement).some((e) => keys.has(e.key.key.toLowerCase()));
}

/** The string nodes of one principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`); the bare
 * `"Principal": "*"` counts as `AWS: "*"`. */
export function principalValues(statement: Statement, type: string): Node[] {
  const value = statement.members.Principal?.value;
  if (value === undefined) return [];
  if (value.type === 'string') return type === 'AWS' && value.value === '*' ? [value] : [];
  return members(value).filter((m) => m.key === type).flatMap((m) => stringNodes(m.value));
}

/** An edit replacing `[start, start+length)` of a string node's value; the whole string when escapes
 * make value offsets differ from text offsets. */
export function replaceInString(text: string, node: Node, start: number, length: number, newText: string): TextEdit {
  const c = contentStart(text, node);
  if (c.exact) return { offset: c.start + start, length, newText };
  const value = String(node.value);
  return { offset: node.offset, length: node.length, newText: JSON.stringify(value.slice(0, start) + newText + value.slice(start + length)) };
}
