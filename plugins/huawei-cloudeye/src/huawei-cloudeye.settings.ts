import type { PluginSetting } from '@alert-hub/plugin-sdk';

/** Whether to check SMN's signature of every message: on unless turned off. */
export const VERIFY_SIGNATURES_SETTING = 'verifySignatures';

/** The SMN topics an integration takes messages from; any topic when unset. */
export const ALLOWED_TOPIC_URNS_SETTING = 'allowedTopicUrns';

export const HUAWEI_CLOUDEYE_SETTINGS: readonly PluginSetting[] = [
  {
    name: VERIFY_SIGNATURES_SETTING,
    kind: 'boolean',
    default: true,
    description:
      "Check SMN's signature of every message with the certificate it names (fetched from an " +
      'SMN host): a message that fails is refused (401). Turn off only for tests.',
  },
  {
    name: ALLOWED_TOPIC_URNS_SETTING,
    kind: 'string',
    description:
      'The topic URNs this integration accepts, separated by commas ' +
      '(urn:smn:<region>:<project id>:<topic>, in SMN > Topics). A signature only proves that ' +
      "SMN sent a message, from anyone's topic: set this so only your topics are accepted.",
  },
];
