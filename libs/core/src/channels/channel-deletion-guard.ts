/**
 * Asked before a channel is deleted by a feature that sends alerts to channels: why the channel
 * must stay (it would leave alerts with nowhere to go), or undefined when it may go. Features
 * register one with `ChannelsService.guardDeletion`, so channels need not know who uses them.
 */
export type ChannelDeletionGuard = (channelId: string) => Promise<string | undefined>;
