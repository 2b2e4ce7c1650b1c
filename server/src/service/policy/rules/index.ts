/** Every policy rule, in the order their findings are listed. */
import type { PolicyRule } from './rule';
import { rule as jsonSyntax } from './json-syntax';
import { rule as duplicateKey } from './duplicate-key';
import { rule as unknownKey } from './unknown-key';
import { rule as unknownAction } from './unknown-action';

export const POLICY_RULES: PolicyRule[] = [
  jsonSyntax,
  duplicateKey,
  unknownKey,
  unknownAction,
];
