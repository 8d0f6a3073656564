import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ListIntegrationsQuery {
  @IsOptional()
  @IsUUID()
  channelId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  pluginId?: string;
}
