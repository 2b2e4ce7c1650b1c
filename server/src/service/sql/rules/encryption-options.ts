import type { Clause } from '../statements';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'encryption-options',
  severity: 'error',
  description: 'COPY ENCRYPTED needs a root symmetric key; MASTER_SYMMETRIC_KEY and UNLOAD KMS_KEY_ID need ENCRYPTED and cannot be used with CREDENTIALS; ENCRYPTED AUTO excludes both keys.',
  check(model, report) {
    for (const statement of model.statements) {
      if (statement.kind !== 'copy' && statement.kind !== 'unload' && statement.kind !== 'copy-job') continue;
      let encrypted: Clause | undefined;
      let rootKey: Clause | undefined;
      let kmsKey: Clause | undefined;
      let credentials: Clause | undefined;
      for (const c of statement.clauses) {
        if (c.name === 'ENCRYPTED') encrypted ??= c;
        else if (c.name === 'MASTER_SYMMETRIC_KEY') rootKey ??= c;
        else if (c.name === 'KMS_KEY_ID') kmsKey ??= c;
        else if (c.name === 'CREDENTIALS') credentials ??= c;
      }
      if (!encrypted && !rootKey && !kmsKey) continue;
      const credentialsRootKey = credentials?.value && (credentials.value.templated || credentials.pairs?.some((p) => p.key === 'master_symmetric_key'));
      const at = (clause: Clause, message: string, span = clause.keyword) => report({ offset: span.start, length: span.end - span.start, message });

      if (encrypted && statement.kind !== 'unload' && !encrypted.modifier && !rootKey && !credentialsRootKey && !statement.templated) {
        at(encrypted, 'COPY … ENCRYPTED reads client-side encrypted files: give the key with MASTER_SYMMETRIC_KEY (or master_symmetric_key in CREDENTIALS).');
      }
      if (rootKey && !encrypted) at(rootKey, 'MASTER_SYMMETRIC_KEY needs ENCRYPTED.');
      if (rootKey && credentials) at(rootKey, 'MASTER_SYMMETRIC_KEY can\'t be used with CREDENTIALS: put master_symmetric_key in the CREDENTIALS string, or use IAM_ROLE.');
      if (kmsKey && statement.kind !== 'unload') {
        at(kmsKey, 'COPY has no KMS_KEY_ID: it reads SSE-KMS encrypted files without it (the role needs kms:Decrypt on the key).');
      } else if (kmsKey) {
        if (!encrypted) at(kmsKey, 'KMS_KEY_ID needs ENCRYPTED.');
        if (credentials) at(kmsKey, 'KMS_KEY_ID can\'t be used with CREDENTIALS: authorize with IAM_ROLE or ACCESS_KEY_ID/SECRET_ACCESS_KEY.');
      }
      if (encrypted?.modifier === 'AUTO') {
        const auto = { start: encrypted.keyword.end - 4, end: encrypted.keyword.end };
        if (kmsKey) at(encrypted, 'ENCRYPTED AUTO uses the bucket\'s default KMS key: it can\'t be used with KMS_KEY_ID.', auto);
        else if (rootKey || credentialsRootKey) at(encrypted, 'ENCRYPTED AUTO can\'t be used with a root symmetric key (MASTER_SYMMETRIC_KEY or master_symmetric_key).', auto);
      }
    }
  },
};
