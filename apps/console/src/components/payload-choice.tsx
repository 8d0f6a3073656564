import { useId } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** What a preview runs on: a sample of the plugin, a pasted body, or a stored event. */
export type PayloadSource =
  | { kind: 'sample'; name: string }
  | { kind: 'pasted'; text: string }
  | { kind: 'event'; id: number };

export type Payload = Record<string, unknown>;

/** A payload the preview cannot send: said in the page's words, not as an API error. */
export class UnusablePayload extends Error {}

function isObject(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON object a text holds, or `UnusablePayload` saying what is wrong with it. */
export function jsonObjectOf(text: string, notJson: string, notObject: string): Payload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnusablePayload(notJson);
  }
  if (!isObject(value)) throw new UnusablePayload(notObject);
  return value;
}

export function firstSource(samples: Record<string, unknown>): PayloadSource {
  const [name] = Object.keys(samples);
  return name === undefined ? { kind: 'pasted', text: '' } : { kind: 'sample', name };
}

function optionValue(source: PayloadSource): string {
  if (source.kind === 'sample') return `sample:${source.name}`;
  return source.kind === 'event' ? `event:${source.id}` : 'pasted';
}

/**
 * The choice of a preview's payload: the plugin's samples, a pasted one, and, when given, the
 * integration's recent events.
 */
export function PayloadChoice({
  samples,
  recentEvents,
  source,
  onChange,
}: {
  samples: Record<string, unknown>;
  recentEvents?: Schemas['AlertEvent'][];
  source: PayloadSource;
  onChange: (source: PayloadSource) => void;
}) {
  const { t, formatTime } = useI18n();
  const id = useId();
  const choose = (value: string) => {
    const [kind, ...rest] = value.split(':');
    const name = rest.join(':');
    if (kind === 'sample') onChange({ kind: 'sample', name });
    else if (kind === 'event') onChange({ kind: 'event', id: Number(name) });
    else onChange({ kind: 'pasted', text: '' });
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-payload`}>{t('preview.payload')}</label>
        <select
          id={`${id}-payload`}
          value={optionValue(source)}
          onChange={(event) => choose(event.target.value)}
        >
          {Object.keys(samples).map((name) => (
            <option key={name} value={`sample:${name}`}>
              {t('preview.sample', { name })}
            </option>
          ))}
          <option value="pasted">{t('preview.pasted')}</option>
          {recentEvents && recentEvents.length > 0 && (
            <optgroup label={t('preview.recent')}>
              {recentEvents.map((event) => (
                <option key={event.id} value={`event:${event.id}`}>
                  {t('preview.recentEvent', {
                    title: event.title,
                    time: formatTime(event.receivedAt),
                  })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {recentEvents && (
          <p className="muted">
            {recentEvents.length === 0 ? t('preview.noRecent') : t('preview.recentHelp')}
          </p>
        )}
      </div>
      {source.kind === 'pasted' && (
        <div className="field">
          <label htmlFor={`${id}-pasted`}>{t('preview.pastedLabel')}</label>
          <textarea
            id={`${id}-pasted`}
            rows={8}
            spellCheck={false}
            value={source.text}
            onChange={(event) => onChange({ kind: 'pasted', text: event.target.value })}
          />
        </div>
      )}
    </>
  );
}
