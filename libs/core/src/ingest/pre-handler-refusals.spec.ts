import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PushRecord } from './push-record.js';
import { PreHandlerRefusals } from './pre-handler-refusals.js';
import { PushGate } from './push-gate.js';
import { PushMonitor } from './push-monitor.js';
import { PushRoute } from './push-route.decorator.js';

/** Push routes at paths of their own: a renamed webhook must still have its refusals logged. */
@Controller('renamed-pushes')
class RenamedPushController {
  @PushRoute()
  @Post(':pluginId')
  push(): string {
    return 'stored';
  }

  @Post(':pluginId/admin')
  notAPush(): string {
    return 'done';
  }
}

const BODY_LIMIT = 16;

@Module({
  controllers: [RenamedPushController],
  providers: [
    PreHandlerRefusals,
    PushMonitor,
    // The gate's own hook is not installed here: only the integration it remembers is asked.
    { provide: PushGate, useValue: { integrationOf: () => undefined } },
  ],
})
class RefusalsTestModule {}

describe('PreHandlerRefusals', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  const records: PushRecord[] = [];

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(
      RefusalsTestModule,
      new FastifyAdapter({ bodyLimit: BODY_LIMIT }),
      { logger: false, abortOnError: false },
    );
    app.get(PushMonitor).pushes.subscribe((record) => records.push(record));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());

  async function post(path: string, body: string): Promise<number> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('logs a push refused while its body is read, by the route it matched, whatever its path', async () => {
    records.length = 0;
    const tooLarge = await post(
      '/renamed-pushes/prometheus',
      JSON.stringify({ a: 'x'.repeat(64) }),
    );
    const malformed = await post('/renamed-pushes/grafana', '{"a":');
    expect([tooLarge, malformed]).toEqual([413, 400]);
    expect(records).toEqual([
      expect.objectContaining({
        pluginId: 'prometheus',
        integrationId: null,
        httpStatus: 413,
        outcome: 'refused',
        errorCode: 'PayloadTooLarge',
      }),
      expect.objectContaining({
        pluginId: 'grafana',
        httpStatus: 400,
        outcome: 'refused',
        errorCode: 'InvalidPayload',
      }),
    ]);
  });

  it('logs nothing for the same refusals on a route that is no push route', async () => {
    records.length = 0;
    const refused = await post(
      '/renamed-pushes/prometheus/admin',
      JSON.stringify({ a: 'x'.repeat(64) }),
    );
    expect(refused).toBe(413);
    const accepted = await post('/renamed-pushes/prometheus', '{}');
    expect(accepted).toBe(201);
    expect(records).toEqual([]);
  });
});
