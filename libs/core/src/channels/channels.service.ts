import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type Repository } from 'typeorm';
import { ConflictError, InvalidParameterError, NotFoundError } from '../common/api-error.js';
import { WriteQueue } from '../storage/index.js';
import { Channel } from './channel.entity.js';
import type { ChannelDeletionGuard } from './channel-deletion-guard.js';
import type { CreateChannelDto } from './dto/create-channel.dto.js';
import type { UpdateChannelDto } from './dto/update-channel.dto.js';

@Injectable()
export class ChannelsService {
  private readonly channels: Repository<Channel>;
  private readonly deletionGuards: ChannelDeletionGuard[] = [];

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.channels = dataSource.getRepository(Channel);
  }

  /** Adds a check every deletion of a channel must pass (409 ChannelInUse otherwise). */
  guardDeletion(guard: ChannelDeletionGuard): void {
    this.deletionGuards.push(guard);
  }

  async create(dto: CreateChannelDto): Promise<Channel> {
    await this.assertNameFree(dto.name);
    const now = new Date();
    const channel = this.channels.create({
      id: randomUUID(),
      name: dto.name,
      description: dto.description ?? '',
      createdAt: now,
      updatedAt: now,
    });
    return this.writes.run(() => this.channels.save(channel));
  }

  list(): Promise<Channel[]> {
    return this.channels.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<Channel> {
    const channel = await this.channels.findOneBy({ id });
    if (!channel) throw new NotFoundError('channel', id);
    return channel;
  }

  async update(id: string, dto: UpdateChannelDto): Promise<Channel> {
    const channel = await this.get(id);
    // A field given as null is left as it is, like one not given (the DTO lets both through).
    const name = dto.name ?? channel.name;
    if (name !== channel.name) await this.assertNameFree(name);
    Object.assign(channel, {
      name,
      description: dto.description ?? channel.description,
      updatedAt: new Date(),
    });
    return this.writes.run(() => this.channels.save(channel));
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    for (const guard of this.deletionGuards) {
      const inUse = await guard(id);
      if (inUse !== undefined) throw new ConflictError('ChannelInUse', inUse);
    }
    await this.writes.run(() => this.channels.delete({ id }));
  }

  /** Throws a 400 naming every id in `ids` that is not a channel. */
  async assertExist(ids: readonly string[], field: string): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const found = await this.channels.findBy({ id: In(unique) });
    const missing = unique.filter((id) => !found.some((channel) => channel.id === id));
    if (missing.length > 0) {
      throw new InvalidParameterError(`${field}: unknown channel ${missing.join(', ')}`, [
        `${field} must name existing channels`,
      ]);
    }
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.channels.existsBy({ name })) {
      throw new ConflictError('ChannelNameTaken', `a channel named "${name}" already exists`);
    }
  }
}
