import type { Report, RuleMeta } from '../../types';

/** One SQL check. The analyser's statement model is passed in by sql/index.ts. */
export interface SqlRule<Model = unknown> extends RuleMeta {
  check(model: Model, report: Report): void;
}
