import type { Alert } from './alert.entity.js';

/** An alert as the admin API shows it: the repeat-matching signature is storage detail. */
export type AlertView = Omit<Alert, 'lastEventSignature'>;

export function alertView(alert: Alert): AlertView {
  const { lastEventSignature, ...view } = alert;
  return view;
}
