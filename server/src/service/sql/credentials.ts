/** The `key=value;key=value` string of a CREDENTIALS clause, split with document offsets. */
import type { SqlValue } from './statements';

export interface CredentialPair {
  /** The segment between semicolons, as written. */
  segment: string;
  /** Document offset of the segment. */
  offset: number;
  /** The text before the first `=` (the whole segment when there is none). */
  key: string;
  /** The text after the first `=`; empty when there is none. */
  value: string;
  /** Document offset of `value`. */
  valueOffset: number;
  hasEquals: boolean;
}

export function credentialPairs(value: SqlValue): CredentialPair[] {
  const pairs: CredentialPair[] = [];
  let start = 0;
  const text = value.text;
  for (let k = 0; k <= text.length; k++) {
    if (k < text.length && text[k] !== ';') continue;
    const segment = text.slice(start, k);
    const equals = segment.indexOf('=');
    const offset = value.offset + start;
    pairs.push({
      segment,
      offset,
      key: equals < 0 ? segment : segment.slice(0, equals),
      value: equals < 0 ? '' : segment.slice(equals + 1),
      valueOffset: equals < 0 ? offset + segment.length : offset + equals + 1,
      hasEquals: equals >= 0,
    });
    start = k + 1;
  }
  return pairs;
}
