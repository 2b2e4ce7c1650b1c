/** AWS partitions and Regions (from the AWS General Reference), used to check service principals,
 * ARNs and generator inputs. */

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

export const REGIONS: Record<string, string> = {
  'us-east-1': 'aws', 'us-east-2': 'aws', 'us-west-1': 'aws', 'us-west-2': 'aws',
  'af-south-1': 'aws', 'ap-east-1': 'aws', 'ap-east-2': 'aws', 'ap-south-1': 'aws', 'ap-south-2': 'aws',
  'ap-southeast-1': 'aws', 'ap-southeast-2': 'aws', 'ap-southeast-3': 'aws', 'ap-southeast-4': 'aws',
  'ap-southeast-5': 'aws', 'ap-southeast-6': 'aws', 'ap-southeast-7': 'aws',
  'ap-northeast-1': 'aws', 'ap-northeast-2': 'aws', 'ap-northeast-3': 'aws',
  'ca-central-1': 'aws', 'ca-west-1': 'aws',
  'eu-central-1': 'aws', 'eu-central-2': 'aws', 'eu-west-1': 'aws', 'eu-west-2': 'aws', 'eu-west-3': 'aws',
  'eu-south-1': 'aws', 'eu-south-2': 'aws', 'eu-north-1': 'aws',
  'il-central-1': 'aws', 'me-south-1': 'aws', 'me-central-1': 'aws', 'mx-central-1': 'aws', 'sa-east-1': 'aws',
  'cn-north-1': 'aws-cn', 'cn-northwest-1': 'aws-cn',
  'us-gov-west-1': 'aws-us-gov', 'us-gov-east-1': 'aws-us-gov',
};

export function isRegion(name: string): boolean {
  return Object.hasOwn(REGIONS, name);
}
