import type { AcceptedPush, PushAnswer } from '@alert-hub/plugin-sdk';

/**
 * An older revision of the callback docs asked the receiver to answer `{"sessionId": …,
 * "retCode": 0}`, or the push would be sent again up to three times; the current docs ask for
 * nothing, so the answer is harmless to new senders and keeps old ones from retrying.
 */
export function answerTencentCloudMonitorPush(push: AcceptedPush): PushAnswer {
  const { body } = push;
  const sessionId =
    typeof body === 'object' && body !== null && 'sessionId' in body ? body.sessionId : undefined;
  return { body: typeof sessionId === 'string' ? { sessionId, retCode: 0 } : { retCode: 0 } };
}
