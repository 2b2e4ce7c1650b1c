/** Every policy rule, in the order their findings are listed. */
import type { PolicyRule } from './rule';
import { rule as jsonSyntax } from './json-syntax';
import { rule as duplicateKey } from './duplicate-key';
import { rule as unknownKey } from './unknown-key';
import { rule as unknownAction } from './unknown-action';
import { rule as unknownConditionKey } from './unknown-condition-key';
import { rule as conditionKeyNotSupported } from './condition-key-not-supported';

export const POLICY_RULES: PolicyRule[] = [
  jsonSyntax,
  duplicateKey,
  unknownKey,
  unknownAction,
  unknownConditionKey,
  conditionKeyNotSupported,
];
