import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateSessionDto {
  @ApiProperty({ description: 'The admin token (ADMIN_TOKEN, or DATA_DIR/admin-token)' })
  @IsString()
  @Length(1, 1000)
  token!: string;
}
