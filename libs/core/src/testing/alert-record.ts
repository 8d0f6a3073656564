import type { AlertRecord } from '../storage/index.js';

const AT = new Date('2026-11-01T10:00:00Z');

/** An active Warning alert as stored, all of it at one time, with `fields` over it. */
export function alertRecord(fields: Partial<AlertRecord> = {}): AlertRecord {
  return {
    id: 1,
    channelId: 'c',
    alertKey: 'k',
    integrationId: 'i',
    pluginId: 'prometheus',
    status: 'active',
    severity: 'Warning',
    title: 'T',
    description: null,
    labels: {},
    startsAt: AT,
    resolvedAt: null,
    lastEventAt: AT,
    lastSeenAt: AT,
    eventCount: 1,
    repeatCount: 0,
    autoResolveAt: null,
    lastEventSignature: 'firing',
    silencedBy: null,
    unsilencedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}
