import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { SubscriptionForm } from '../components/notifications/subscription-form';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import {
  createBodyOf,
  newSubscriptionDraft,
  type SubscriptionDraft,
} from '../notifications/subscription-draft';

type Subscription = Schemas['SubscriptionView'];

/** A channel: its alerts, and the subscriptions that tell people of them (README: Notifications). */
export function ChannelPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const { id = '' } = useParams<{ id: string }>();
  const [deleting, setDeleting] = useState<Subscription>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const loaded = useLoad(async () => {
    const path = { params: { path: { channelId: id } } };
    const [channels, subscriptions] = await Promise.all([
      must(api.GET('/api/v1/channels')),
      must(api.GET('/api/v1/channels/{channelId}/subscriptions', path)),
    ]);
    return {
      channel: channels.data.find((channel) => channel.id === id),
      subscriptions: subscriptions.data,
    };
  }, id);

  const create = async (draft: SubscriptionDraft) => {
    setError(undefined);
    try {
      const created = await must(
        api.POST('/api/v1/channels/{channelId}/subscriptions', {
          params: { path: { channelId: id } },
          body: createBodyOf(draft),
        }),
      );
      navigate(`/channels/${id}/subscriptions/${created.data.id}`);
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async (subscription: Subscription) => {
    setDeleting(undefined);
    try {
      await must(
        api.DELETE('/api/v1/channels/{channelId}/subscriptions/{id}', {
          params: { path: { channelId: id, id: subscription.id } },
        }),
      );
      setMessage(t('subscriptions.deleted', { name: subscription.name }));
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <LoadState loaded={loaded}>
      {({ channel, subscriptions }) => (
        <Page title={channel?.name ?? id}>
          <p>
            <Link href="/channels">← {t('nav.channels')}</Link>
            {' · '}
            <Link href={`/alerts?status=active&channelId=${id}`}>{t('channels.activeAlerts')}</Link>
          </p>
          {channel?.description && <p>{channel.description}</p>}
          <section aria-labelledby="subscriptions-heading">
            <h2 id="subscriptions-heading">{t('subscriptions.title')}</h2>
            <p>{t('subscriptions.intro')}</p>
            <div role="status" className="status-line">
              {message && <p className="notice">{message}</p>}
            </div>
            {subscriptions.length === 0 ? (
              <p className="muted">{t('subscriptions.none')}</p>
            ) : (
              <table>
                <caption className="visually-hidden">{t('subscriptions.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col">{t('subscriptions.kind')}</th>
                    <th scope="col">{t('subscriptions.url')}</th>
                    <th scope="col">{t('subscriptions.transitions')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {subscriptions.map((subscription) => (
                    <tr key={subscription.id}>
                      <td>
                        <Link href={`/channels/${id}/subscriptions/${subscription.id}`}>
                          {subscription.name}
                        </Link>
                      </td>
                      <td>{t(`subscriptions.kind.${subscription.kind}` as MessageKey)}</td>
                      <td>
                        <code>{subscription.url}</code>
                      </td>
                      <td>
                        {subscription.transitions
                          .map((transition) =>
                            t(`subscriptions.transition.${transition}` as MessageKey),
                          )
                          .join(', ')}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => setDeleting(subscription)}
                        >
                          {t('subscriptions.delete', { name: subscription.name })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="new-subscription-heading">
            <h2 id="new-subscription-heading">{t('subscriptions.new')}</h2>
            {error !== undefined && <ErrorNotice error={error} />}
            <SubscriptionForm
              initial={newSubscriptionDraft()}
              submitLabel={t('subscriptions.create')}
              onSubmit={create}
            />
          </section>
          <ConfirmDialog
            open={deleting !== undefined}
            title={t('subscriptions.deleteTitle', { name: deleting?.name ?? '' })}
            confirmLabel={t('common.delete')}
            onConfirm={() => deleting && void remove(deleting)}
            onCancel={() => setDeleting(undefined)}
          >
            <p>{t('subscriptions.deleteWarning')}</p>
          </ConfirmDialog>
        </Page>
      )}
    </LoadState>
  );
}
