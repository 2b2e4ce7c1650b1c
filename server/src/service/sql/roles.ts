/** The role chains a statement names, wherever they are written: IAM_ROLE, CATALOG_ROLE, the targets of
 * GRANT/REVOKE ASSUMEROLE, and `aws_iam_role=` inside a CREDENTIALS string. */
import { isAccountPlaceholder, looksLikeArn, parseArn, roleArnProblems, type Arn, type Problem } from '../arn';
import { remembered } from '../text';
import type { Clause, SqlStatement, SqlValue } from './statements';

export interface RoleValue {
  clause: Clause;
  /** The chain as written; for CREDENTIALS, the `aws_iam_role` value. */
  value: SqlValue;
  /** The chain's comma-separated elements. */
  elements: ChainElement[];
  inCredentials: boolean;
}

const QUOTED = new Set(['string', 'dollarString', 'typographicString', 'quotedIdent']);

/** The clauses whose value is a role chain (or `default`, `'SESSION'`, a bare word by mistake). */
export const ROLE_CLAUSES = new Set(['IAM_ROLE', 'CATALOG_ROLE', 'ON']);

/** Literal (quoted, untemplated) role chains of a statement; the parser keeps them in `statement.roles`. */
export function roleValues(statement: Pick<SqlStatement, 'clauses'>): RoleValue[] {
  const values: RoleValue[] = [];
  for (const clause of statement.clauses) {
    const value = clause.value;
    if (!value || value.templated || !QUOTED.has(value.kind)) continue;
    if (ROLE_CLAUSES.has(clause.name)) {
      values.push({ clause, value, elements: chainElements(value), inCredentials: false });
    } else if (clause.name === 'CREDENTIALS') {
      const pair = clause.pairs?.find((p) => p.key === 'aws_iam_role' && p.hasEquals);
      if (!pair) continue;
      const pairValue = { ...value, text: pair.value, value: pair.value, offset: pair.valueOffset };
      values.push({ clause, value: pairValue, elements: chainElements(pairValue), inCredentials: true });
    }
  }
  return values;
}

/** Whether a value is a documentation placeholder (`<access-key-id>`, `{role}`, `XXXX`, `your-key`)
 * rather than real content. */
export function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  // "Contains placeholder, no spaces" is tested apart: as `^\S*placeholder\S*$` it backtracks through
  // every long ARN, quadratically.
  return PLACEHOLDER_SHAPE.test(trimmed) || (/placeholder/i.test(trimmed) && !/\s/.test(trimmed));
}

const PLACEHOLDER_SHAPE = /^(?:<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\]|x{4,}|\*{4,}|\.{3}|(?:your|my)[-_ ]\S*)$/i;

/** A role value that is a keyword written in quotes ('default', 'SESSION') rather than an ARN. */
export function isQuotedKeyword(text: string): boolean {
  return /^(?:default|session)$/i.test(text.trim());
}

/** Whether the statement is one of the kinds that carry authorization. */
export function carriesAuthorization(statement: SqlStatement): boolean {
  return statement.kind !== 'other' && statement.kind !== 'create-procedure';
}

export interface ChainElement {
  /** The element as written, spaces included. */
  text: string;
  /** Document offset of `text[0]`. */
  offset: number;
  /** The element without its surrounding spaces ('' for an empty element), and its document offset. */
  arn: string;
  arnOffset: number;
  /** What the rules ask of `arn`, its fields included. */
  facts: RoleArnFacts;
}

/** What the rules ask of a role ARN as written (a chain element's `arn`), found once per distinct ARN: a
 * script names the same few roles in statement after statement. Shared: read-only. */
export interface RoleArnFacts {
  /** The ARN split into its fields, when it has six. */
  parsed: Arn | undefined;
  /** The whole ARN is a documentation placeholder (`<role-arn>`). */
  placeholder: boolean;
  looksLikeArn: boolean;
  /** Where the role name starts in the ARN: after the resource's last `/` (the whole resource without
   * one), or -1 when the ARN does not parse; and whether the name is a placeholder (`<role-name>`). */
  nameStart: number;
  namePlaceholder: boolean;
  /** An ARN that starts with `arn:` and whose account is a placeholder (`<aws-account-id>`). */
  accountPlaceholder: boolean;
  /** What is wrong with it as a role ARN, when it looks like an ARN. */
  problems: Problem[];
}

const arnFacts = new Map<string, RoleArnFacts>();
const ARN_FACTS_KEPT = 8192;

export function roleArnFacts(arn: string): RoleArnFacts {
  return remembered(arnFacts, ARN_FACTS_KEPT, arn, factsOf);
}

function factsOf(arn: string): RoleArnFacts {
  const parsed = parseArn(arn);
  const nameStart = parsed ? parsed.resource.start + parsed.resource.text.lastIndexOf('/') + 1 : -1;
  const arnLike = looksLikeArn(arn);
  return {
    parsed,
    placeholder: arn !== '' && isPlaceholderText(arn),
    looksLikeArn: arnLike,
    nameStart,
    namePlaceholder: parsed !== undefined && isPlaceholderText(arn.slice(nameStart)),
    accountPlaceholder: parsed !== undefined && /^arn$/i.test(parsed.prefix.text) && isAccountPlaceholder(parsed.account.text),
    problems: arnLike ? roleArnProblems(arn) : [],
  };
}

/** The comma-separated elements of a role chain value, with their offsets. The parser keeps those of
 * every role in `RoleValue.elements`, which rules read rather than split again. */
export function chainElements(value: SqlValue): ChainElement[] {
  const elements: ChainElement[] = [];
  const chain = value.text;
  for (let start = 0; start <= chain.length;) {
    const comma = chain.indexOf(',', start);
    const stop = comma < 0 ? chain.length : comma;
    const text = chain.slice(start, stop);
    const arn = text.trim();
    elements.push({ text, offset: value.offset + start, arn, arnOffset: value.offset + start + (arn ? text.indexOf(arn) : 0), facts: roleArnFacts(arn) });
    start = stop + 1;
  }
  return elements;
}
