import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

const SEVERITIES: Schemas['Severity'][] = ['Critical', 'Warning', 'Info'];
const LABEL_PREFIX = 'label.';

/**
 * The filters of the alert and event lists, kept in the page's URL (so a filtered list can be
 * reloaded and shared) under the API's own names: `status`, `severity`, `channelId`,
 * `integrationId`, `label.<name>`; `page` holds the cursors of the pages seen.
 */
export interface ListFilterValues {
  status: string | undefined;
  severity: Schemas['Severity'] | undefined;
  channelId: string | undefined;
  integrationId: string | undefined;
  unrouted: boolean;
  /** Alerts only: true, only silenced ones; false, only visible ones; undefined, both. */
  silenced: boolean | undefined;
  labels: Array<[string, string]>;
  cursors: string[];
}

export function readListFilters(search: URLSearchParams): ListFilterValues {
  const severity = SEVERITIES.find((value) => value === search.get('severity'));
  return {
    status: search.get('status') ?? undefined,
    severity,
    channelId: search.get('channelId') ?? undefined,
    integrationId: search.get('integrationId') ?? undefined,
    unrouted: search.get('unrouted') === 'true',
    silenced: search.has('silenced') ? search.get('silenced') === 'true' : undefined,
    labels: [...search.entries()]
      .filter(([name]) => name.startsWith(LABEL_PREFIX))
      .map(([name, value]) => [name.slice(LABEL_PREFIX.length), value]),
    cursors: search.getAll('page'),
  };
}

/**
 * Serializes a list's typed query plus the `label.<name>=<value>` filters, which the API takes
 * but its typed query cannot name.
 */
export function withLabelFilters(labels: Array<[string, string]>) {
  return (query: Record<string, unknown>): string => {
    const serialized = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        serialized.set(name, String(value));
      }
    }
    for (const [name, value] of labels) serialized.append(`${LABEL_PREFIX}${name}`, value);
    return serialized.toString();
  };
}

/** `name=value` pairs separated by commas or new lines. */
function parseLabels(text: string): Array<[string, string]> {
  return text
    .split(/[,\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair.includes('='))
    .map((pair) => {
      const separator = pair.indexOf('=');
      return [pair.slice(0, separator).trim(), pair.slice(separator + 1).trim()];
    });
}

export function ListFilters({
  statuses,
  channels,
  integrations,
  withUnrouted,
  withSilenced,
}: {
  statuses: string[];
  channels: Schemas['Channel'][];
  integrations: Schemas['IntegrationView'][];
  withUnrouted?: boolean;
  withSilenced?: boolean;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const current = readListFilters(search);
  const [labels, setLabels] = useState(
    current.labels.map(([name, value]) => `${name}=${value}`).join(', '),
  );

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of [
      'status',
      'severity',
      'channelId',
      'integrationId',
      'unrouted',
      'silenced',
    ]) {
      const value = form.get(name);
      if (typeof value === 'string' && value !== '') next.set(name, value);
    }
    for (const [name, value] of parseLabels(labels)) next.append(`${LABEL_PREFIX}${name}`, value);
    setSearch(next);
  };

  return (
    <form className="filters" aria-label={t('filters.title')} onSubmit={apply}>
      <div className="field">
        <label htmlFor="filter-status">{t('filters.status')}</label>
        <select id="filter-status" name="status" defaultValue={current.status ?? ''}>
          <option value="">{t('common.all')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`value.${status}` as 'value.active')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-severity">{t('filters.severity')}</label>
        <select id="filter-severity" name="severity" defaultValue={current.severity ?? ''}>
          <option value="">{t('common.all')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`value.${severity}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-channel">{t('filters.channel')}</label>
        <select id="filter-channel" name="channelId" defaultValue={current.channelId ?? ''}>
          <option value="">{t('common.all')}</option>
          {channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-integration">{t('filters.integration')}</label>
        <select
          id="filter-integration"
          name="integrationId"
          defaultValue={current.integrationId ?? ''}
        >
          <option value="">{t('common.all')}</option>
          {integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-labels">{t('filters.labels')}</label>
        <input
          id="filter-labels"
          placeholder="alertname=DiskFull, instance=api-1"
          value={labels}
          onChange={(event) => setLabels(event.target.value)}
        />
      </div>
      {withSilenced && (
        <div className="field">
          <label htmlFor="filter-silenced">{t('silences.filter')}</label>
          <select
            id="filter-silenced"
            name="silenced"
            defaultValue={current.silenced === undefined ? '' : String(current.silenced)}
          >
            <option value="">{t('common.all')}</option>
            <option value="true">{t('silences.filter.silenced')}</option>
            <option value="false">{t('silences.filter.visible')}</option>
          </select>
        </div>
      )}
      {withUnrouted && (
        <label className="choice">
          <input type="checkbox" name="unrouted" value="true" defaultChecked={current.unrouted} />{' '}
          {t('filters.unrouted')}
        </label>
      )}
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}
