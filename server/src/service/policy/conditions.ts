/** Condition operators (`[ForAllValues:|ForAnyValue:]Base[IfExists]`) and the entries of a statement's
 * `Condition` block, shared by the condition rules and the editor features. */
import type { Node } from 'jsonc-parser';
import { didYouMean } from '../text';
import { members, type Member, type Statement } from './parse';

/** What an operator compares, which decides the values it accepts. */
export type OperatorType = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

const OPERATOR_TYPES: Record<string, OperatorType> = {
  StringEquals: 'String', StringNotEquals: 'String', StringEqualsIgnoreCase: 'String', StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String', StringNotLike: 'String',
  NumericEquals: 'Numeric', NumericNotEquals: 'Numeric', NumericLessThan: 'Numeric', NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric', NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date', DateNotEquals: 'Date', DateLessThan: 'Date', DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date', DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IpAddress', NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn', ArnLike: 'Arn', ArnNotEquals: 'Arn', ArnNotLike: 'Arn',
  Null: 'Null',
};

/** The base condition operators of the IAM policy language. */
export const CONDITION_OPERATORS: readonly string[] = Object.keys(OPERATOR_TYPES);
/** Qualifiers for multivalued keys, written `ForAllValues:StringLike`. */
export const SET_PREFIXES: readonly string[] = ['ForAllValues', 'ForAnyValue'];
const IF_EXISTS = 'IfExists';
/** Every operator name without a set prefix: the bases, and the bases with `IfExists` except `Null`. */
const UNPREFIXED = [...CONDITION_OPERATORS, ...CONDITION_OPERATORS.filter((o) => o !== 'Null').map((o) => o + IF_EXISTS)];

export interface ParsedOperator {
  base: string;
  type: OperatorType;
  ifExists: boolean;
  setPrefix?: string;
}

/** Parses an operator name exactly (operators are case-sensitive); undefined when it is not one. */
export function parseOperator(name: string): ParsedOperator | undefined {
  const colon = name.indexOf(':');
  const setPrefix = colon >= 0 ? name.slice(0, colon) : undefined;
  if (setPrefix !== undefined && !SET_PREFIXES.includes(setPrefix)) return undefined;
  let base = colon >= 0 ? name.slice(colon + 1) : name;
  const ifExists = base.endsWith(IF_EXISTS) && base !== IF_EXISTS;
  if (ifExists) base = base.slice(0, -IF_EXISTS.length);
  const type = Object.hasOwn(OPERATOR_TYPES, base) ? OPERATOR_TYPES[base] : undefined;
  if (!type || (ifExists && base === 'Null')) return undefined;
  return { base, type, ifExists, setPrefix };
}

/** The operator a mistyped name most likely meant (`StringEqual`, `stringequals`, `ForAnyValues:StringLike`). */
export function suggestOperator(name: string): string | undefined {
  const colon = name.indexOf(':');
  const operator = name.slice(colon + 1);
  const base = operator === 'Null' + IF_EXISTS ? 'Null'
    : UNPREFIXED.find((o) => o.toLowerCase() === operator.toLowerCase()) ?? didYouMean(operator, UNPREFIXED);
  if (!base || colon < 0) return base;
  const prefix = name.slice(0, colon);
  const set = SET_PREFIXES.find((p) => p.toLowerCase() === prefix.toLowerCase()) ?? didYouMean(prefix, SET_PREFIXES);
  return set ? `${set}:${base}` : undefined;
}

/** One `"key": value` of a condition block, under its operator. */
export interface ConditionEntry {
  operator: Member;
  key: Member;
  /** The value nodes: the value itself, or the elements of an array value. */
  values: Node[];
}

/** The entries of a statement's `Condition` object whose operator value is an object; shared, so callers
 * treat them as read-only. */
export function conditionEntries(statement: Statement): ConditionEntry[] {
  return (statement.memo.conditions ??= readEntries(statement));
}

function readEntries(statement: Statement): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  const condition = statement.members.Condition?.value;
  if (!condition) return entries;
  for (const operator of members(condition)) {
    for (const key of members(operator.value)) {
      if (!key.value) continue;
      const values = key.value.type === 'array' ? key.value.children ?? [] : [key.value];
      entries.push({ operator, key, values });
    }
  }
  return entries;
}
