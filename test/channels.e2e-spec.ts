import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createChannel, createPrivateIntegration } from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('channels API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates, lists, reads, renames and deletes a channel', async () => {
    const created = await t.admin
      .post('/api/v1/channels')
      .send({ name: '  Database team ', description: 'DBAs on call' });
    expect(created.status).toBe(201);
    const channel = created.body.data;
    expect(channel).toMatchObject({ name: 'Database team', description: 'DBAs on call' });
    expect(channel.id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await t.admin.get('/api/v1/channels');
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(channel.id);

    const renamed = await t.admin.patch(`/api/v1/channels/${channel.id}`).send({ name: 'DBA' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({
      id: channel.id,
      name: 'DBA',
      description: 'DBAs on call',
    });
    expect((await t.admin.get(`/api/v1/channels/${channel.id}`)).body.data.name).toBe('DBA');

    expect((await t.admin.delete(`/api/v1/channels/${channel.id}`)).status).toBe(204);
    const gone = await t.admin.get(`/api/v1/channels/${channel.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NotFound');
  });

  it('names every failing field of an invalid body', async () => {
    const response = await t.admin
      .post('/api/v1/channels')
      .send({ name: '', description: 42, extra: 1 });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('InvalidParameter');
    const details = (response.body.error.details as string[]).join('\n');
    expect(details).toMatch(/name must be longer than or equal to 1/);
    expect(details).toMatch(/description must be a string/);
    expect(details).toMatch(/property extra should not exist/);
    expect(response.body.request_id).toBe(response.headers['x-request-id']);
  });

  it('leaves fields given as null as they are', async () => {
    const id = await createChannel(t, 'null-patch');
    const response = await t.admin
      .patch(`/api/v1/channels/${id}`)
      .send({ name: null, description: null });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ name: 'null-patch', description: '' });
  });

  it('refuses a second channel with the same name', async () => {
    await createChannel(t, 'unique-name');
    const response = await t.admin.post('/api/v1/channels').send({ name: 'unique-name' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('ChannelNameTaken');
  });

  it('refuses to delete a channel a private integration sends to', async () => {
    const channelId = await createChannel(t);
    await createPrivateIntegration(t, channelId);
    const response = await t.admin.delete(`/api/v1/channels/${channelId}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('ChannelInUse');
    expect((await t.admin.get(`/api/v1/channels/${channelId}`)).status).toBe(200);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const response = await t.admin.get('/api/v1/channels/not-a-uuid');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('InvalidParameter');
  });
});
