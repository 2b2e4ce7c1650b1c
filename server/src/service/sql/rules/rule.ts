import type { Report, RuleMeta } from '../../types';
import type { SqlModel } from '../statements';

/** One SQL check: its metadata and a function that reports findings on the parsed statements. */
export interface SqlRule extends RuleMeta {
  check(model: SqlModel, report: Report): void;
}
