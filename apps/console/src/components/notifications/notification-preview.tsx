import { useId, useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../error-notice';

/** Alerts offered to render: the channel's latest. */
const RECENT_ALERTS = 20;

/** Renders one of the channel's stored alerts through the subscription's template, sending nothing. */
export function NotificationPreview({
  channelId,
  subscriptionId,
}: {
  channelId: string;
  subscriptionId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const alerts = useLoad(
    () =>
      must(api.GET('/api/v1/alerts', { params: { query: { channelId, limit: RECENT_ALERTS } } })),
    channelId,
  );
  const [alertId, setAlertId] = useState<number>();
  const [rendered, setRendered] = useState<Schemas['RenderedMessageView']>();
  const [error, setError] = useState<unknown>();
  const render = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setRendered(undefined);
    const chosen = alertId ?? (alerts.state === 'ready' ? alerts.data.data[0]?.id : undefined);
    if (chosen === undefined) return;
    try {
      const answer = await must(
        api.POST('/api/v1/channels/{channelId}/subscriptions/{id}/preview', {
          params: { path: { channelId, id: subscriptionId } },
          body: { alertId: chosen },
        }),
      );
      setRendered(answer.data);
    } catch (failure) {
      setError(failure);
    }
  };
  const choices = alerts.state === 'ready' ? alerts.data.data : [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('subscriptions.preview')}</h2>
      {choices.length === 0 ? (
        <p className="muted">{t('subscriptions.previewNoAlert')}</p>
      ) : (
        <form className="inline" onSubmit={(event) => void render(event)}>
          <label htmlFor={`${id}-alert`}>{t('subscriptions.previewAlert')}</label>
          <select
            id={`${id}-alert`}
            value={alertId ?? choices[0]?.id}
            onChange={(event) => setAlertId(Number(event.target.value))}
          >
            {choices.map((alert) => (
              <option key={alert.id} value={alert.id}>
                #{alert.id} {alert.title}
              </option>
            ))}
          </select>
          <button type="submit">{t('subscriptions.previewRun')}</button>
        </form>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
      {rendered && (
        <div className="notice">
          <p>
            <strong>{rendered.title}</strong>
          </p>
          <pre className="message">{rendered.text}</pre>
          <figure className="json">
            <figcaption>{t('subscriptions.previewBody')}</figcaption>
            <pre tabIndex={0}>{rendered.body}</pre>
          </figure>
        </div>
      )}
    </section>
  );
}
