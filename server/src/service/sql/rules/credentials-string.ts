import { didYouMean } from '../../text';
import type { Report } from '../../types';
import type { CredentialPair } from '../credentials';
import { CREDENTIAL_KEYS } from '../syntax';
import type { SqlRule } from './rule';

const KEYS = Object.keys(CREDENTIAL_KEYS);

export const rule: SqlRule = {
  id: 'credentials-string',
  severity: 'error',
  description: "A CREDENTIALS string is key=value pairs separated by semicolons, without spaces, using only aws_iam_role, aws_access_key_id, aws_secret_access_key, token and master_symmetric_key, with either a role or a key pair.",
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (clause.name !== 'CREDENTIALS' || !value || value.templated || value.kind === 'template' || value.kind === 'word') continue;
        if (value.text.trim() === '') {
          report({ offset: value.start, length: value.end - value.start, message: 'The CREDENTIALS string is empty: expected aws_iam_role=<role ARN> or aws_access_key_id=…;aws_secret_access_key=….' });
          continue;
        }
        for (const space of value.text.matchAll(/\s+/g)) {
          report({
            offset: value.offset + space.index,
            length: space[0].length,
            message: 'The CREDENTIALS string must not contain spaces.',
            fixes: [{ title: 'Remove the spaces', edits: [{ offset: value.offset, length: value.text.length, newText: value.text.replace(/\s+/g, '') }], preferred: true }],
          });
        }
        const pairs = clause.pairs ?? [];
        const found = new Map<string, CredentialPair>();
        pairs.forEach((pair, k) => {
          const key = pair.key.trim();
          const keyOffset = pair.offset + pair.key.length - pair.key.trimStart().length;
          if (pair.segment.trim() === '') {
            // A single trailing semicolon is harmless; an empty pair elsewhere is a stray separator.
            if (k === pairs.length - 1 && k > 0) return;
            report({ offset: Math.max(pair.offset - 1, value.offset), length: 1, message: 'Empty key=value pair: remove the extra semicolon.' });
            return;
          }
          if (!pair.hasEquals) {
            report({ offset: keyOffset, length: key.length, message: `"${key}" is not a key=value pair: expected one of ${KEYS.join(', ')} followed by =.` });
            return;
          }
          // A misspelt key is reported once, then read as the key it was meant to be.
          const known = Object.hasOwn(CREDENTIAL_KEYS, key) ? key : reportUnknownKey(key, keyOffset, report);
          if (!known) return;
          if (found.has(known)) {
            report({ offset: keyOffset, length: key.length, message: `${known} is given twice in the CREDENTIALS string.` });
            return;
          }
          found.set(known, { ...pair, key: known, offset: keyOffset + key.length - known.length });
          if (pair.value.trim() === '') report({ offset: keyOffset, length: key.length + 1, message: `${known} has no value.` });
        });
        const role = found.get('aws_iam_role');
        const id = found.get('aws_access_key_id');
        const secret = found.get('aws_secret_access_key');
        const token = found.get('token');
        const at = (pair: CredentialPair, message: string) => report({ offset: pair.offset, length: pair.key.length, message });
        if (role && (id || secret)) {
          at((id ?? secret)!, 'A CREDENTIALS string gives either aws_iam_role or access keys, not both.');
        } else if (role && token) {
          at(token, 'token belongs to temporary access keys; a role needs none.');
        } else if (id && !secret) {
          at(id, 'aws_access_key_id needs aws_secret_access_key in the same CREDENTIALS string.');
        } else if (secret && !id) {
          at(secret, 'aws_secret_access_key needs aws_access_key_id in the same CREDENTIALS string.');
        } else if (token && !id) {
          at(token, 'token is for temporary credentials: it needs aws_access_key_id and aws_secret_access_key.');
        } else if (!role && !id && !secret && found.size > 0) {
          at([...found.values()][0], 'The CREDENTIALS string needs aws_iam_role=<role ARN> or aws_access_key_id and aws_secret_access_key.');
        }
      }
    }
  },
};

/** Reports an unknown key: wrong case, a stray character before a known key (AWS's own example has
 * `;<aws_secret_access_key=`), a typo, or something else. Returns the key it stands for, if clear. */
function reportUnknownKey(key: string, offset: number, report: Report): string | undefined {
  const exact = KEYS.find((k) => k === key.toLowerCase());
  if (exact) {
    report({
      offset,
      length: key.length,
      message: `CREDENTIALS keys are case-sensitive: write ${exact}, not ${key}.`,
      fixes: [{ title: `Write ${exact}`, edits: [{ offset, length: key.length, newText: exact }], preferred: true }],
    });
    return exact;
  }
  const stray = /^([^A-Za-z_]+)([A-Za-z_]+)$/.exec(key);
  if (stray && KEYS.includes(stray[2].toLowerCase())) {
    report({
      offset,
      length: stray[1].length,
      message: `Stray "${stray[1]}" before ${stray[2]}: the CREDENTIALS string must hold only key=value pairs.`,
      fixes: [{ title: `Remove "${stray[1]}"`, edits: [{ offset, length: stray[1].length, newText: '' }], preferred: true }],
    });
    return stray[2].toLowerCase();
  }
  const suggestion = didYouMean(key, KEYS);
  report({
    offset,
    length: Math.max(key.length, 1),
    message: suggestion ? `Unknown CREDENTIALS key "${key}": did you mean ${suggestion}?` : `Unknown CREDENTIALS key "${key}": expected one of ${KEYS.join(', ')}.`,
    fixes: suggestion ? [{ title: `Write ${suggestion}`, edits: [{ offset, length: key.length, newText: suggestion }], preferred: true }] : undefined,
  });
  return suggestion;
}
