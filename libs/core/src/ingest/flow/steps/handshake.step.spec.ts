import { describe, expect, it } from '@jest/globals';
import {
  OutboundHostNotAllowed,
  PayloadError,
  type SubscriptionHandshake,
} from '@alert-hub/plugin-sdk';
import type { SubscriptionHandshakes } from '../../../handshakes/subscription-handshakes.js';
import { ingestRun } from '../../../testing/ingest-run.js';
import { HandshakeRefusedError } from '../../handshake-refused.error.js';
import { HandshakeStep } from './handshake.step.js';

const HANDSHAKE: SubscriptionHandshake = {
  confirmUrl: 'https://sns.example/confirm',
  messageId: 'm-1',
  description: 'SNS subscription to topic-1',
};
const handshakePlugin = { handshake: () => HANDSHAKE };

function step(confirm: () => Promise<string>, confirmed: string[] = []): HandshakeStep {
  return new HandshakeStep({
    confirm: () => {
      confirmed.push(HANDSHAKE.messageId);
      return confirm();
    },
  } as unknown as SubscriptionHandshakes);
}

describe('HandshakeStep', () => {
  it('confirms a subscription instead of parsing, and ends the run with its note', async () => {
    const confirmed: string[] = [];
    const run = ingestRun({ plugin: handshakePlugin });
    await step(() => Promise.resolve('confirmed topic-1'), confirmed).run(run);
    expect(confirmed).toEqual(['m-1']);
    expect(run.finished).toBe(true);
    expect(run.note).toBe('confirmed topic-1');
    expect(run.summary?.stored).toBe(0);
  });

  it('lets a body that is no handshake go on', async () => {
    const run = ingestRun();
    await step(() => Promise.resolve('never')).run(run);
    expect(run.finished).toBe(false);
  });

  it('refuses an empty body, and a confirmation URL off the allowed hosts', async () => {
    await expect(
      step(() => Promise.resolve('')).run(ingestRun({ push: { body: undefined } })),
    ).rejects.toThrow(PayloadError);
    const offList = step(() => Promise.reject(new OutboundHostNotAllowed('evil.example')));
    await expect(offList.run(ingestRun({ plugin: handshakePlugin }))).rejects.toThrow(
      HandshakeRefusedError,
    );
  });

  it('previews what a push would confirm, and confirms nothing', () => {
    const confirmed: string[] = [];
    const run = ingestRun({ plugin: handshakePlugin });
    step(() => Promise.resolve(''), confirmed).preview(run);
    expect(confirmed).toEqual([]);
    expect(run.finished).toBe(true);
    expect(run.note).toBe(
      'A push of this payload confirms SNS subscription to topic-1 (GET https://sns.example/confirm) and stores no events',
    );
  });
});
