import type { Report, RuleMeta } from '../../types';
import type { SqlModel } from '../statements';

/** One SQL check: its metadata and a function that reports findings on the parsed statements. A long
 * script is checked a part at a time: `check` gets a model with some of the statements (and the lexer's
 * problems with the first part), so it must report on each statement by itself. */
export interface SqlRule extends RuleMeta {
  check(model: SqlModel, report: Report): void;
}
