import type { NormalizedEvent } from '../events/normalized-event.js';
import type { MappingPreviewView } from './mapping-preview.view.js';

/** What a preview shows of the events a payload gives: their stored fields and their keys. */
export function mappingPreview(
  mapping: MappingPreviewView['mapping'],
  events: readonly NormalizedEvent[],
): MappingPreviewView {
  const folds = new Map<string, number[]>();
  events.forEach(({ alertKey }, index) => {
    const indexes = folds.get(alertKey);
    if (indexes) indexes.push(index);
    else folds.set(alertKey, [index]);
  });
  return {
    mapping,
    events: events.map((event) => ({
      alertKey: event.alertKey,
      status: event.status,
      severity: event.severity,
      eventStatus: event.eventStatus,
      sourceSeverity: event.sourceSeverity,
      title: event.title,
      description: event.description,
      labels: event.labels,
      links: event.links,
      eventTime: event.eventTime,
    })),
    alertKeys: [...folds].map(([alertKey, indexes]) => ({ alertKey, events: indexes })),
  };
}
