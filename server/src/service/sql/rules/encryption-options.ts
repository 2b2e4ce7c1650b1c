import type { Clause } from '../statements';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'encryption-options',
  severity: 'error',
  description: 'KMS_KEY_ID is an UNLOAD option that needs ENCRYPTED and cannot be used with CREDENTIALS; ENCRYPTED AUTO excludes KMS_KEY_ID.',
  check(model, report) {
    for (const statement of model.statements) {
      if (statement.kind !== 'copy' && statement.kind !== 'unload' && statement.kind !== 'copy-job') continue;
      let encrypted: Clause | undefined;
      let kmsKey: Clause | undefined;
      let credentials: Clause | undefined;
      for (const c of statement.clauses) {
        if (c.name === 'ENCRYPTED') encrypted ??= c;
        else if (c.name === 'KMS_KEY_ID') kmsKey ??= c;
        else if (c.name === 'CREDENTIALS') credentials ??= c;
      }
      if (!kmsKey) continue;
      const at = (clause: Clause, message: string, span = clause.keyword) => report({ offset: span.start, length: span.end - span.start, message });
      // Root symmetric keys and COPY's ENCRYPTED are client-side encryption, which client-side-encryption reports.
      if (statement.kind !== 'unload') {
        at(kmsKey, 'COPY has no KMS_KEY_ID: it reads SSE-KMS encrypted files without it (the role needs kms:Decrypt on the key).');
        continue;
      }
      if (!encrypted) at(kmsKey, 'KMS_KEY_ID needs ENCRYPTED.');
      if (credentials) at(kmsKey, 'KMS_KEY_ID can\'t be used with CREDENTIALS: authorize with IAM_ROLE or ACCESS_KEY_ID/SECRET_ACCESS_KEY.');
      if (encrypted?.modifier === 'AUTO') {
        at(encrypted, 'ENCRYPTED AUTO uses the bucket\'s default KMS key: it can\'t be used with KMS_KEY_ID.', { start: encrypted.keyword.end - 4, end: encrypted.keyword.end });
      }
    }
  },
};
