import type { Clause } from '../statements';
import type { SqlRule } from './rule';

/** What COPY and UNLOAD do instead, for the messages. */
const INSTEAD = {
  copy: 'COPY reads files encrypted on the server side (SSE-S3, SSE-KMS) without any option',
  unload: "UNLOAD writes with SSE-S3 by default, with SSE-KMS through KMS_KEY_ID '<key>' ENCRYPTED, or with the bucket's default key through ENCRYPTED AUTO",
};

export const rule: SqlRule = {
  id: 'client-side-encryption',
  severity: 'error',
  description: 'COPY and UNLOAD no longer use client-side encryption (since April 30, 2026): MASTER_SYMMETRIC_KEY, master_symmetric_key in CREDENTIALS and COPY … ENCRYPTED are refused.',
  check(model, report) {
    for (const statement of model.statements) {
      if (statement.kind !== 'copy' && statement.kind !== 'copy-job' && statement.kind !== 'unload') continue;
      const instead = statement.kind === 'unload' ? INSTEAD.unload : INSTEAD.copy;
      // Each root key is reported; ENCRYPTED only when there is none, as it is there for the key.
      let encrypted: Clause | undefined;
      let reported = false;
      for (const clause of statement.clauses) {
        if (clause.name === 'ENCRYPTED') encrypted ??= clause;
        else if (clause.name === 'MASTER_SYMMETRIC_KEY') {
          report({ offset: clause.keyword.start, length: clause.keyword.end - clause.keyword.start, message: `Client-side encryption ended for COPY and UNLOAD on April 30, 2026: MASTER_SYMMETRIC_KEY is refused. ${instead}.` });
          reported = true;
        } else if (clause.name === 'CREDENTIALS') {
          const rootKey = clause.pairs?.find((p) => p.key === 'master_symmetric_key');
          if (!rootKey) continue;
          report({ offset: rootKey.offset, length: rootKey.key.length, message: `Client-side encryption ended for COPY and UNLOAD on April 30, 2026: master_symmetric_key is refused. ${instead}.` });
          reported = true;
        }
      }
      // COPY's ENCRYPTED means client-side encrypted files; UNLOAD's also means KMS_KEY_ID or AUTO.
      if (!reported && encrypted && statement.kind !== 'unload' && !encrypted.modifier) {
        report({
          offset: encrypted.keyword.start,
          length: encrypted.keyword.end - encrypted.keyword.start,
          message: `COPY … ENCRYPTED loads client-side encrypted files, which COPY no longer does since April 30, 2026: encrypt the files on the server side instead; ${instead}.`,
        });
      }
    }
  },
};
