import { parseArn } from '../../arn';
import { PARTITIONS } from '../../regions';
import { chainElements } from '../statements';
import type { SqlRule } from './rule';

export const rule: SqlRule = {
  id: 'iam-role-chain-partitions',
  severity: 'warning',
  description: 'The roles of a chain are in different AWS partitions (aws, aws-cn, aws-us-gov…); a role cannot assume a role in another partition.',
  check(model, report) {
    for (const statement of model.statements) {
      for (const role of statement.roles) {
        let first: string | undefined;
        for (const element of chainElements(role.value)) {
          const arn = element.text.trim();
          const partition = parseArn(arn)?.partition;
          if (!partition || !PARTITIONS.includes(partition.text)) continue;
          first ??= partition.text;
          if (partition.text === first) continue;
          const offset = element.offset + element.text.length - element.text.trimStart().length + partition.start;
          report({ offset, length: partition.text.length, message: `This role is in partition "${partition.text}" but the chain starts in "${first}": roles cannot be assumed across partitions.` });
        }
      }
    }
  },
};
