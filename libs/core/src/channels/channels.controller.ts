import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import type { Channel } from './channel.entity.js';
import { ChannelsService } from './channels.service.js';
import { CreateChannelDto } from './dto/create-channel.dto.js';
import { UpdateChannelDto } from './dto/update-channel.dto.js';

@Controller('api/v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  async create(@Body() dto: CreateChannelDto): Promise<{ data: Channel }> {
    return { data: await this.channels.create(dto) };
  }

  @Get()
  async list(): Promise<{ data: Channel[] }> {
    return { data: await this.channels.list() };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: Channel }> {
    return { data: await this.channels.get(id) };
  }

  @Patch(':id')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateChannelDto,
  ): Promise<{ data: Channel }> {
    return { data: await this.channels.update(id, dto) };
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.channels.delete(id);
  }
}
