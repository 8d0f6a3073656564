import type { ParseContext, PluginSettingValues } from '@alert-hub/plugin-sdk';

/** What a plugin reads a push with; it keeps the plugin's last note for the push log. */
export class PushParseContext implements ParseContext {
  /** The last note the plugin wrote; null if none. */
  lastNote: string | null = null;

  constructor(
    readonly receivedAt: Date,
    readonly headers: Record<string, string>,
    readonly settings: PluginSettingValues,
  ) {}

  /** A property, not a method: a plugin may pass `context.note` on by itself. */
  readonly note = (message: string): void => {
    this.lastNote = message;
  };
}
