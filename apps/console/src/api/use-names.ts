import { api, must, type Schemas } from './client';
import { useLoad } from './use-load';

export interface Names {
  channels: Schemas['Channel'][];
  integrations: Schemas['IntegrationView'][];
  channelName: (id: string | null) => string;
  integrationName: (id: string) => string;
}

/** The channels and integrations, to show names where the lists hold ids, and to filter by. */
export function useNames(unrouted: string) {
  return useLoad<Names>(async () => {
    const [channels, integrations] = await Promise.all([
      must(api.GET('/api/v1/channels')),
      must(api.GET('/api/v1/integrations')),
    ]);
    const channelNames = new Map(channels.data.map((channel) => [channel.id, channel.name]));
    const integrationNames = new Map(integrations.data.map((item) => [item.id, item.name]));
    return {
      channels: channels.data,
      integrations: integrations.data,
      channelName: (id) => (id === null ? unrouted : (channelNames.get(id) ?? id)),
      integrationName: (id) => integrationNames.get(id) ?? id,
    };
  }, 'names');
}
