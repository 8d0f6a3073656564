import {
  settingFlag,
  settingText,
  type PluginSetting,
  type PluginSettingValues,
} from '@alert-hub/plugin-sdk';

/** What an integration receiving an SNS topic can be configured with. */
export const AWS_CLOUDWATCH_SETTINGS: readonly PluginSetting[] = [
  {
    name: 'verifySignatures',
    kind: 'boolean',
    default: true,
    description:
      "Check each message's SNS signature (SignatureVersion 1 or 2) against the certificate it " +
      'names, fetched from an SNS host only. Turn it off only for messages that cannot be ' +
      'verified, such as captures replayed in a test.',
  },
  {
    name: 'topicArns',
    kind: 'string',
    description:
      'The SNS topic ARNs this integration accepts, separated by commas or spaces ' +
      '(arn:aws:sns:us-east-1:123456789012:alarms). A message of any other topic is refused ' +
      '(401) and no subscription to it is confirmed. Leave empty to accept any topic.',
  },
];

/** Whether signatures are checked: on unless the integration turned it off. */
export function verifiesSignatures(settings: PluginSettingValues): boolean {
  return settingFlag(settings, 'verifySignatures') !== false;
}

/** The topics the integration accepts; empty for any. */
export function acceptedTopicArns(settings: PluginSettingValues): string[] {
  return (settingText(settings, 'topicArns') ?? '').split(/[\s,]+/).filter((arn) => arn !== '');
}
