import type { PluginSetting } from '@alert-hub/plugin-sdk';

/** The name of the one setting: where an integration of this plugin keeps its mapping. */
export const MAPPING_SETTING = 'mapping';

export const WEBHOOK_SETTINGS: readonly PluginSetting[] = [
  {
    name: MAPPING_SETTING,
    kind: 'mapping',
    description:
      "How to read the source's JSON: items, alert key, title, labels, time, severity and status (set it with PUT /api/v1/integrations/{id}/mapping)",
  },
];
