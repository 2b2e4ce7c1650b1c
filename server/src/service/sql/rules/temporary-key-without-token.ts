import type { Clause } from '../statements';
import type { SqlRule } from './rule';

/** Access key IDs of temporary credentials from AWS STS start with ASIA. */
const TEMPORARY_KEY = /^ASIA[A-Z0-9]{12,}$/;
const isToken = (c: Clause) => c.name === 'SESSION_TOKEN' || c.name === 'TOKEN';

export const rule: SqlRule = {
  id: 'temporary-key-without-token',
  severity: 'warning',
  description: 'An access key ID starting with ASIA belongs to temporary credentials, which do not work without their session token.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const clause of statement.clauses) {
        const value = clause.value;
        if (!value || value.templated) continue;
        if (clause.name === 'ACCESS_KEY_ID' && TEMPORARY_KEY.test(value.value) && !statement.clauses.some(isToken)) {
          report({ offset: value.offset, length: value.text.length, message: 'This access key ID (ASIA…) is from temporary credentials: add SESSION_TOKEN with its session token, or better, use IAM_ROLE.' });
        }
        if (clause.name === 'CREDENTIALS') {
          const pairs = clause.pairs ?? [];
          const id = pairs.find((p) => p.key === 'aws_access_key_id' && TEMPORARY_KEY.test(p.value));
          if (id && !pairs.some((p) => p.key === 'token')) {
            report({ offset: id.valueOffset, length: id.value.length, message: 'This access key ID (ASIA…) is from temporary credentials: add ;token=<session token> to the CREDENTIALS string, or better, use IAM_ROLE.' });
          }
        }
      }
    }
  },
};
