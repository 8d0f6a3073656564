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
import { ApiNoContentResponse } from '@nestjs/swagger';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  BY_ID_ERRORS,
  ERRORS,
} from '../openapi/api-docs.decorators.js';
import { Channel } from './channel.entity.js';
import { ChannelsService } from './channels.service.js';
import { CreateChannelDto } from './dto/create-channel.dto.js';
import { UpdateChannelDto } from './dto/update-channel.dto.js';

@AdminApi('channels')
@Controller('api/v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @ApiData('The channel created', Channel, { status: 201 })
  @ApiErrors({ 400: ERRORS.invalid, 409: 'ChannelNameTaken' })
  async create(@Body() dto: CreateChannelDto): Promise<{ data: Channel }> {
    return { data: await this.channels.create(dto) };
  }

  @Get()
  @ApiData('Every channel, by name', [Channel])
  async list(): Promise<{ data: Channel[] }> {
    return { data: await this.channels.list() };
  }

  @Get(':id')
  @ApiData('The channel', Channel)
  @ApiErrors(BY_ID_ERRORS)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<{ data: Channel }> {
    return { data: await this.channels.get(id) };
  }

  @Patch(':id')
  @ApiData('The channel as changed', Channel)
  @ApiErrors({ ...BY_ID_ERRORS, 409: 'ChannelNameTaken' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateChannelDto,
  ): Promise<{ data: Channel }> {
    return { data: await this.channels.update(id, dto) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors({ ...BY_ID_ERRORS, 409: 'ChannelInUse: private integrations still send to it' })
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.channels.delete(id);
  }
}
