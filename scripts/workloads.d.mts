/** Types of workloads.mjs, for the TypeScript benchmark scripts. */
export function generators(seed: number): { random(): number; int(n: number): number; pick<T>(xs: T[]): T; chance(p: number): boolean };
/** A policy of `statementCount` statements built from the catalogue data (dist/catalog.json). */
export function policyWorkload(catalog: unknown, statementCount: number): string;
export function sqlWorkload(statementCount: number): string;
