import type { Finding, Report } from './types';

/** Runs one rule's check, adding what it reports to `findings` with its id. */
export type RunRule = (id: string, findings: Finding[], run: (report: Report) => void) => void;

/** A `RunRule` under which a rule that throws is skipped: the other rules still run, and `onError` hears
 * of each failing rule once. */
export function ruleRunner(onError?: (ruleId: string, error: unknown) => void): RunRule {
  const failed = new Set<string>();
  return (id, findings, run) => {
    try {
      run((f) => findings.push({ ...f, rule: id }));
    } catch (error) {
      if (!failed.has(id)) {
        failed.add(id);
        onError?.(id, error);
      }
    }
  };
}
