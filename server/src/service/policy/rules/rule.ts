import type { Catalog } from '../../catalog';
import type { Report, RuleMeta } from '../../types';
import type { PolicyDocument } from '../parse';

export interface PolicyRuleContext {
  catalog: Catalog;
}

/** One policy check: its metadata and a function that reports findings on a parsed policy. */
export interface PolicyRule extends RuleMeta {
  check(doc: PolicyDocument, ctx: PolicyRuleContext, report: Report): void;
}
