import {
  MappingError,
  applyMapping,
  readMappingSetting,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { MAPPING_SETTING } from './webhook.settings.js';

/**
 * Reads any JSON body through the integration's mapping. Without one, every push is refused
 * (422) and kept in the push log, so the source can be pointed here before the mapping is
 * written, and its first pushes show up where the admin is looking.
 */
export function parseMappedWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const mapping = readMappingSetting(context.settings, MAPPING_SETTING);
  if (mapping === undefined) {
    throw new MappingError(
      'this integration has no mapping yet: set one with PUT /api/v1/integrations/{id}/mapping',
      '$',
      MAPPING_SETTING,
    );
  }
  return applyMapping(mapping, body, context.receivedAt);
}
