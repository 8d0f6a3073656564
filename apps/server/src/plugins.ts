import type { Type } from '@nestjs/common';
import { PrometheusPluginModule } from '@alert-hub/plugin-prometheus';

/** The one list of enabled sources: one line enables a plugin, removing it disables it. */
export const ENABLED_PLUGIN_MODULES: Type[] = [PrometheusPluginModule];
