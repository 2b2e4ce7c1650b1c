/** Every SQL rule, in the order their findings are listed. */
import type { SqlRule } from './rule';

export const SQL_RULES: SqlRule[] = [];
