import type { DestinationAnswer, Verdict } from './destination-kind.js';

/** Characters of an answer kept in a reason: enough to read a vendor's error message. */
const ANSWER_EXCERPT = 200;

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function excerpt(body: Buffer): string {
  const text = body.toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > ANSWER_EXCERPT ? `${text.slice(0, ANSWER_EXCERPT)}…` : text;
}

/** The status decides: 2xx delivered, 429 rate-limited, anything else failed. */
export function statusVerdict(answer: DestinationAnswer): Verdict {
  if (answer.status >= 200 && answer.status <= 299) return { outcome: 'delivered' };
  const said = excerpt(answer.body);
  const reason = `answered ${answer.status}${said === '' ? '' : `: ${said}`}`;
  if (answer.status === 429) {
    return { outcome: 'rate_limited', reason, retryAfterMs: retryAfterMs(answer.retryAfter) };
  }
  return { outcome: 'failed', reason };
}

/**
 * IM bots answer 200 with an error code in the body (`errcode`, `code`): 0 is success, and some
 * codes mean "too many messages", which is rate limiting like a 429.
 */
export function errorCodeVerdict(
  answer: DestinationAnswer,
  codeField: string,
  messageField: string,
  rateLimitCodes: readonly number[],
): Verdict {
  const byStatus = statusVerdict(answer);
  if (byStatus.outcome !== 'delivered') return byStatus;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return {
      outcome: 'failed',
      reason: `answered ${answer.status} without JSON: ${excerpt(answer.body)}`,
    };
  }
  const fields =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const code = fields[codeField];
  if (code === 0) return { outcome: 'delivered' };
  if (typeof code !== 'number') {
    return {
      outcome: 'failed',
      reason: `answered without a numeric ${codeField}: ${excerpt(answer.body)}`,
    };
  }
  const message = typeof fields[messageField] === 'string' ? String(fields[messageField]) : '';
  const reason = `${codeField} ${code}${message === '' ? '' : `: ${message}`}`;
  if (rateLimitCodes.includes(code))
    return { outcome: 'rate_limited', reason, retryAfterMs: undefined };
  return { outcome: 'failed', reason };
}
