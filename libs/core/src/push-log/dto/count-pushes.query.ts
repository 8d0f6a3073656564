import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, MaxDate, MinDate } from 'class-validator';
import { timeFromText } from '../../common/time.transform.js';

/** How far back the push counts reach: a week of pushes is what the log is read for. */
export const PUSH_COUNTS_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export class CountPushesQuery {
  @ApiProperty({
    description: `Count the pushes received from this time on (ISO 8601), at most ${PUSH_COUNTS_DAYS} days back`,
  })
  @Transform(timeFromText)
  @IsDate({ message: 'since must be an ISO 8601 time' })
  @MinDate(() => new Date(Date.now() - PUSH_COUNTS_DAYS * DAY_MS), {
    message: `since must be at most ${PUSH_COUNTS_DAYS} days back`,
  })
  // A minute of slack: a browser's clock a little ahead of the server's is not an error.
  @MaxDate(() => new Date(Date.now() + 60_000), { message: 'since must not be in the future' })
  since!: Date;
}
