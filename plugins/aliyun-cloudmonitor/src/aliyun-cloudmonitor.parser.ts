import { readObject, type ParseContext, type ParsedEvent } from '@alert-hub/plugin-sdk';
import { parseEventAlert } from './aliyun-event-alert.js';
import { parseMetricAlert } from './aliyun-metric-alert.js';

/**
 * Parses an Alibaba Cloud CloudMonitor callback: a threshold alert (form fields, or the same fields
 * as JSON) has `alertState`; anything else is read as a system event (JSON). One event either way.
 */
export function parseAliyunCloudmonitorWebhook(
  body: unknown,
  _context: ParseContext,
): ParsedEvent[] {
  const callback = readObject(body, '$');
  return [
    callback.alertState === undefined ? parseEventAlert(callback) : parseMetricAlert(callback),
  ];
}
