import { describe, expect, it } from '@jest/globals';
import { fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import alertHubTrigger from '../fixtures/alert-hub-trigger.json' with { type: 'json' };
import flashdutyFiring from '../fixtures/flashduty-firing-constructed.json' with { type: 'json' };
import acknowledge from '../fixtures/pagerduty-acknowledge.json' with { type: 'json' };
import keyless from '../fixtures/pagerduty-trigger-without-dedup-key-constructed.json' with { type: 'json' };
import trigger from '../fixtures/pagerduty-trigger.json' with { type: 'json' };
import { answerStandardPush } from './standard.answer.js';
import { parseStandardWebhook } from './standard.parser.js';

function answer(body: unknown) {
  return answerStandardPush({ body, requestId: 'request-1', events: 1 });
}

describe('answerStandardPush', () => {
  it('answers a PagerDuty sender as PagerDuty does: 202 and the dedup_key it sent', () => {
    expect(answer(trigger)).toEqual({
      status: 202,
      body: { status: 'success', message: 'Event processed', dedup_key: 'samplekeyhere' },
    });
    expect(answer(acknowledge).body).toMatchObject({ dedup_key: 'dedupkeyhere' });
  });

  it('gives a trigger sent without a dedup_key the key its alert was stored under', () => {
    const [event] = parseStandardWebhook(keyless, fixtureParseContext());
    expect(answer(keyless).body).toMatchObject({ dedup_key: event?.alertKey });
  });

  it("leaves the other dialects the core's answer", () => {
    expect(answer(alertHubTrigger)).toEqual({});
    expect(answer(flashdutyFiring)).toEqual({});
  });
});
