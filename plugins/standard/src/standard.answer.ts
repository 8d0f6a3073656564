import { readObject, type AcceptedPush, type PushAnswer } from '@alert-hub/plugin-sdk';
import { pagerDutyDedupKey } from './pagerduty-event.js';
import { dialectOf } from './standard.parser.js';

/**
 * PagerDuty senders get what PagerDuty answers: `202` and `{"status": "success", "message":
 * "Event processed", "dedup_key": …}`, the key they resolve with (some client libraries check the
 * status, most read the key). The other dialects get the core's answer.
 */
export function answerStandardPush(push: AcceptedPush): PushAnswer {
  const body = readObject(push.body, '$');
  if (dialectOf(body) !== 'pagerduty') return {};
  return {
    status: 202,
    body: { status: 'success', message: 'Event processed', dedup_key: pagerDutyDedupKey(body) },
  };
}
