import { describe, expect, it } from '@jest/globals';
import capturedFiring from '../fixtures/captured-metric-firing.json' with { type: 'json' };
import { answerTencentCloudMonitorPush } from './tencent-cloud-monitor.answer.js';

function answer(body: unknown) {
  return answerTencentCloudMonitorPush({ body, requestId: 'req-1', events: 1 });
}

describe('answerTencentCloudMonitorPush', () => {
  it('acknowledges a push with its own sessionId, as older senders expect', () => {
    expect(answer(capturedFiring)).toEqual({ sessionId: 'ECkYDW5CbFIIPabdCq4y7w3t', retCode: 0 });
  });

  it('leaves out a sessionId that is missing or no string', () => {
    expect(answer({ ...capturedFiring, sessionId: undefined })).toEqual({ retCode: 0 });
    expect(answer({ ...capturedFiring, sessionId: 42 })).toEqual({ retCode: 0 });
    expect(answer({ ...capturedFiring, sessionId: { id: 'x' } })).toEqual({ retCode: 0 });
  });
});
