/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>` */
const ALARM_ARN = /^arn:(aws|aws-cn):cloudwatch:([a-z0-9-]+):\d+:alarm:(.+)$/;

/** The console of each partition whose address is known; other partitions get no link. */
const CONSOLES: Readonly<Record<string, string>> = {
  aws: 'https://console.aws.amazon.com',
  'aws-cn': 'https://console.amazonaws.cn',
};

/**
 * The alarm's page in the AWS console, built from its ARN (partition, region, name): none for an
 * alarm message without `AlarmArn` (older ones), whose `Region` is only a display name.
 */
export function alarmConsoleUrl(alarmArn: string | undefined): string | undefined {
  const match = alarmArn === undefined ? null : ALARM_ARN.exec(alarmArn);
  if (match === null) return undefined;
  const [, partition = '', region = '', name = ''] = match;
  return `${CONSOLES[partition]}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}
