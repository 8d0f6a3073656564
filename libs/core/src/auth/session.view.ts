import { ApiProperty } from '@nestjs/swagger';

export class SessionView {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the session ends; null for a caller using the admin token itself',
  })
  expiresAt!: string | null;
}
