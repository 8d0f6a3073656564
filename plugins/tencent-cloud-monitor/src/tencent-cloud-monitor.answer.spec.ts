import { describe, expect, it } from '@jest/globals';
import capturedFiring from '../fixtures/captured-metric-firing.json' with { type: 'json' };
import { answerTencentCloudMonitorPush } from './tencent-cloud-monitor.answer.js';

function answer(body: unknown) {
  return answerTencentCloudMonitorPush({ body, requestId: 'req-1', events: 1 });
}

describe('answerTencentCloudMonitorPush', () => {
  it('acknowledges a push with its own sessionId and the core status, as older senders expect', () => {
    expect(answer(capturedFiring)).toEqual({
      body: { sessionId: 'ECkYDW5CbFIIPabdCq4y7w3t', retCode: 0 },
    });
  });

  it('leaves out a sessionId that is missing or no string', () => {
    expect(answer({ ...capturedFiring, sessionId: undefined }).body).toEqual({ retCode: 0 });
    expect(answer({ ...capturedFiring, sessionId: 42 }).body).toEqual({ retCode: 0 });
    expect(answer({ ...capturedFiring, sessionId: { id: 'x' } }).body).toEqual({ retCode: 0 });
  });
});
