/** Every policy rule, in the order their findings are listed. */
import type { PolicyRule } from './rule';
import { rule as jsonSyntax } from './json-syntax';
import { rule as duplicateKey } from './duplicate-key';
import { rule as unknownKey } from './unknown-key';
import { rule as missingStatement } from './missing-statement';
import { rule as invalidVersion } from './invalid-version';
import { rule as missingVersion } from './missing-version';
import { rule as legacyVersion } from './legacy-version';
import { rule as invalidEffect } from './invalid-effect';
import { rule as missingAction } from './missing-action';
import { rule as conflictingElements } from './conflicting-elements';
import { rule as missingResource } from './missing-resource';
import { rule as principalPlacement } from './principal-placement';
import { rule as trustPolicyElements } from './trust-policy-elements';
import { rule as invalidSid } from './invalid-sid';
import { rule as invalidActionFormat } from './invalid-action-format';
import { rule as policySize } from './policy-size';
import { rule as invalidConditionOperator } from './invalid-condition-operator';
import { rule as invalidConditionValue } from './invalid-condition-value';
import { rule as invalidPolicyVariable } from './invalid-policy-variable';
import { rule as invalidArn } from './invalid-arn';
import { rule as invalidPrincipal } from './invalid-principal';
import { rule as servicePrincipal } from './service-principal';
import { rule as redshiftDbuserExternalId } from './redshift-dbuser-external-id';
import { rule as s3ArnRegionAccount } from './s3-arn-region-account';
import { rule as assumeRoleResource } from './assume-role-resource';
import { rule as unknownAction } from './unknown-action';
import { rule as unknownConditionKey } from './unknown-condition-key';
import { rule as conditionKeyNotSupported } from './condition-key-not-supported';
import { rule as resourceMismatch } from './resource-mismatch';
import { rule as redundantAction } from './redundant-action';
import { rule as allowAll } from './allow-all';
import { rule as passroleWildcard } from './passrole-wildcard';
import { rule as allowNotElements } from './allow-not-elements';
import { rule as publicTrust } from './public-trust';
import { rule as confusedDeputy } from './confused-deputy';
import { rule as redshiftTrustUnrestricted } from './redshift-trust-unrestricted';
import { rule as largePolicy } from './large-policy';

export const POLICY_RULES: PolicyRule[] = [
  jsonSyntax,
  duplicateKey,
  unknownKey,
  missingStatement,
  invalidVersion,
  missingVersion,
  legacyVersion,
  invalidEffect,
  missingAction,
  conflictingElements,
  missingResource,
  principalPlacement,
  trustPolicyElements,
  invalidSid,
  invalidActionFormat,
  policySize,
  invalidConditionOperator,
  invalidConditionValue,
  invalidPolicyVariable,
  invalidArn,
  invalidPrincipal,
  servicePrincipal,
  redshiftDbuserExternalId,
  s3ArnRegionAccount,
  assumeRoleResource,
  unknownAction,
  unknownConditionKey,
  conditionKeyNotSupported,
  resourceMismatch,
  redundantAction,
  allowAll,
  passroleWildcard,
  allowNotElements,
  publicTrust,
  confusedDeputy,
  redshiftTrustUnrestricted,
  largePolicy,
];
