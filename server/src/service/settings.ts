/** User settings as the service reads them; every field may be missing or null. */
import type { PolicyKind } from './policy/parse';
import type { SeveritySetting } from './types';

export interface Settings {
  /** Severity per rule id, overriding the default; "off" disables the rule. */
  rules?: Record<string, SeveritySetting> | null;
  /** Globs of JSON files that are always checked as policies. */
  include?: string[] | null;
  /** Globs of JSON files that are never checked. */
  exclude?: string[] | null;
  /** Globs forcing the kind of policy (trust, identity, resource) of matching files. */
  kinds?: Partial<Record<PolicyKind, string[] | null>> | null;
  /** Statements of a policy checked in full; beyond them only JSON syntax and duplicate keys. */
  maxStatements?: number | null;
  /** Set by the host, not by the user: the folder (a file URI) that globs start from, the document's
   * workspace folder in the editor and the working folder on the command line. */
  folder?: string | null;
}
