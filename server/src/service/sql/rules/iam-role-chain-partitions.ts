import { PARTITIONS } from '../../regions';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-chain-partitions',
  severity: 'warning',
  description: 'The roles of a chain are in different AWS partitions (aws, aws-cn, aws-us-gov…); a role cannot assume a role in another partition.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const role of statement.roles) {
        // One role is in one partition.
        if (role.elements.length < 2) continue;
        let first: string | undefined;
        for (const { facts, arnOffset } of role.elements) {
          const partition = facts.parsed?.partition;
          if (!partition || !PARTITIONS.includes(partition.text)) continue;
          first ??= partition.text;
          if (partition.text === first) continue;
          report({ offset: arnOffset + partition.start, length: partition.text.length, message: `This role is in partition "${partition.text}" but the chain starts in "${first}": roles cannot be assumed across partitions.` });
        }
      }
    }
  },
};
