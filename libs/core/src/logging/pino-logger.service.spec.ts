import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { runInRequestContext } from './request-context.js';
import { createLogger } from './create-logger.js';

function capture(level: pino.Level = 'trace') {
  const lines: Array<Record<string, unknown>> = [];
  const destination = { write: (chunk: string) => void lines.push(JSON.parse(chunk)) };
  return { lines, logger: createLogger({ level, destination }) };
}

describe('the app logger', () => {
  it('reads Nest-style calls: message, stack, context', async () => {
    const { lines, logger } = capture();
    const service = await logger;
    service.log('started', 'NestFactory');
    service.error('it broke', 'Error: it broke\n    at somewhere (file.ts:1:1)', 'Api');
    service.warn({ msg: 'push failed', plugin: 'prometheus' }, 'Push');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'started', context: 'NestFactory' }),
      expect.objectContaining({
        level: 'error',
        msg: 'it broke',
        context: 'Api',
        stack: expect.stringContaining('at somewhere'),
      }),
      expect.objectContaining({ level: 'warn', msg: 'push failed', plugin: 'prometheus' }),
    ]);
  });

  it("puts Nest's start-up chatter at debug", async () => {
    const { lines, logger } = capture('info');
    (await logger).log('Mapped {/metrics, GET} route', 'RouterExplorer');
    expect(lines).toEqual([]);
  });

  it('adds the request id to lines written while a request is served', async () => {
    const { lines, logger } = capture();
    const service = await logger;
    runInRequestContext({ requestId: 'request-1' }, () => service.log('inside', 'Test'));
    service.log('outside', 'Test');
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ['inside', 'request-1'],
      ['outside', undefined],
    ]);
  });

  it('censors fields named like secrets', async () => {
    const { lines, logger } = capture();
    (await logger).log({ msg: 'oops', integrationKey: 'k', headers: { authorization: 'a' } });
    expect(lines[0]).toMatchObject({
      integrationKey: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
  });
});
