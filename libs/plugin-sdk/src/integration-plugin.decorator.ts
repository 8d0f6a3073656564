import { Injectable, SetMetadata, applyDecorators } from '@nestjs/common';

/** Metadata key the core's plugin registry looks for when it scans the providers. */
export const INTEGRATION_PLUGIN_METADATA = 'alert-hub:integration-plugin';

/**
 * Marks a provider class as an integration plugin. The core discovers every marked provider of
 * the imported modules at start: there is no list to keep in sync.
 */
export function IntegrationPluginProvider(): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(INTEGRATION_PLUGIN_METADATA, true));
}
