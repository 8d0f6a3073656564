import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { apiAnswerTo as answerTo } from '../testing/api-answer.js';
import { sqliteMemoryDatabase } from '../testing/sqlite-memory-database.js';
import { WriteQueue } from '../storage/index.js';
import { ChannelsService } from './channels.service.js';

describe('ChannelsService', () => {
  let dataSource: DataSource;
  let channels: ChannelsService;

  beforeEach(async () => {
    dataSource = await sqliteMemoryDatabase();
    channels = new ChannelsService(dataSource, new WriteQueue(dataSource));
  });
  afterEach(() => dataSource.destroy());

  it('keeps channel names unique, on creation and on rename', async () => {
    await channels.create({ name: 'ops' });
    const db = await channels.create({ name: 'db', description: 'database team' });
    expect(await answerTo(channels.create({ name: 'ops' }))).toEqual([
      409,
      'ChannelNameTaken',
      'a channel named "ops" already exists',
    ]);
    expect((await answerTo(channels.update(db.id, { name: 'ops' })))[1]).toBe('ChannelNameTaken');
    // Renaming to its own name, or leaving the name out, is no clash.
    await channels.update(db.id, { name: 'db', description: 'the DBAs' });
    expect((await channels.list()).map(({ name, description }) => [name, description])).toEqual([
      ['db', 'the DBAs'],
      ['ops', ''],
    ]);
  });

  it('asks every deletion guard before deleting, and deletes when none objects', async () => {
    const kept = await channels.create({ name: 'kept' });
    const free = await channels.create({ name: 'free' });
    const asked: string[] = [];
    channels.guardDeletion((channelId) => {
      asked.push(channelId);
      return Promise.resolve(channelId === kept.id ? 'still in use by something' : undefined);
    });
    expect(await answerTo(channels.delete(kept.id))).toEqual([
      409,
      'ChannelInUse',
      'still in use by something',
    ]);
    await channels.delete(free.id);
    expect(asked).toEqual([kept.id, free.id]);
    expect((await channels.list()).map(({ name }) => name)).toEqual(['kept']);
    expect((await answerTo(channels.delete(free.id)))[0]).toBe(404);
  });

  it('names every id that is not a channel, each once, under the field given', async () => {
    const ops = await channels.create({ name: 'ops' });
    await channels.assertExist([ops.id, ops.id], 'routes');
    await channels.assertExist([], 'routes');
    const missing = randomUUID();
    expect(await answerTo(channels.assertExist([ops.id, missing, missing], 'channelId'))).toEqual([
      400,
      'InvalidParameter',
      `channelId: unknown channel ${missing}`,
    ]);
  });
});
