import { ApiProperty } from '@nestjs/swagger';
import type { Severity } from '@alert-hub/plugin-sdk';

export class ChannelAlertCount {
  @ApiProperty({ format: 'uuid' })
  channelId!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class SeverityAlertCounts implements Record<Severity, number> {
  @ApiProperty({ type: 'integer' })
  Critical!: number;

  @ApiProperty({ type: 'integer' })
  Warning!: number;

  @ApiProperty({ type: 'integer' })
  Info!: number;
}

/** How many alerts match, counted by the database: no list has to be read to know. */
export class AlertCounts {
  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: SeverityAlertCounts, description: 'Every severity, 0 included' })
  bySeverity!: SeverityAlertCounts;

  @ApiProperty({
    type: [ChannelAlertCount],
    description: 'The channels with at least one matching alert, most alerts first',
  })
  byChannel!: ChannelAlertCount[];
}
