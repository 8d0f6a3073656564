import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { useVersionedSave } from '../api/use-versioned-save';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { DeliveryLog } from '../components/notifications/delivery-log';
import { NotificationPreview } from '../components/notifications/notification-preview';
import { SubscriptionForm } from '../components/notifications/subscription-form';
import { Page } from '../components/page';
import { VersionedSaveStateView } from '../components/versioned-save-state';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import {
  draftOfSubscription,
  updateBodyOf,
  type SubscriptionDraft,
} from '../notifications/subscription-draft';

function TestResult({ result }: { result: Schemas['TestDeliveryView'] }) {
  const { t } = useI18n();
  const delivered = result.outcome === 'delivered';
  return (
    <p className={delivered ? 'notice' : 'notice error'}>
      {t(delivered ? 'subscriptions.testDelivered' : 'subscriptions.testFailed', {
        outcome: t(`deliveries.outcome.${result.outcome}` as MessageKey),
        status: result.httpStatus ?? '—',
        latency: result.latencyMs,
      })}
      {result.error && ` ${result.error}`}
    </p>
  );
}

/** Changing a subscription: a stale version (409) is explained and the edit kept. */
function SubscriptionEditor({
  subscription,
  path,
}: {
  subscription: Schemas['SubscriptionView'];
  path: { params: { path: { channelId: string; id: string } } };
}) {
  const { t } = useI18n();
  const { state, save, reloadKeepingEdit } = useVersionedSave({
    initialVersion: subscription.version,
    put: async (version, draft: SubscriptionDraft) =>
      (
        await must(
          api.PATCH('/api/v1/channels/{channelId}/subscriptions/{id}', {
            ...path,
            body: updateBodyOf(draft, version),
          }),
        )
      ).data.version,
    load: async () => {
      const latest = (await must(api.GET('/api/v1/channels/{channelId}/subscriptions/{id}', path)))
        .data;
      return { version: latest.version, saved: latest };
    },
  });
  return (
    <section aria-labelledby="subscription-edit-heading">
      <h2 id="subscription-edit-heading">{t('subscriptions.edit')}</h2>
      <SubscriptionForm
        initial={draftOfSubscription(subscription)}
        saved={subscription}
        submitLabel={t('subscriptions.save')}
        onSubmit={async (draft) => {
          await save(draft);
        }}
      />
      <VersionedSaveStateView
        state={state}
        savedText={t('subscriptions.saved')}
        onReload={() => void reloadKeepingEdit()}
      />
    </section>
  );
}

/** One subscription of a channel: change it, send a test, preview a message, read its deliveries. */
export function SubscriptionPage() {
  const { t } = useI18n();
  const { channelId = '', id = '' } = useParams<{ channelId: string; id: string }>();
  const path = { params: { path: { channelId, id } } };
  const [sent, setSent] = useState(0);
  const [testResult, setTestResult] = useState<Schemas['TestDeliveryView']>();
  const [testError, setTestError] = useState<unknown>();
  const loaded = useLoad(
    async () => (await must(api.GET('/api/v1/channels/{channelId}/subscriptions/{id}', path))).data,
    `${channelId}/${id}`,
  );
  const sendTest = async () => {
    setTestError(undefined);
    setTestResult(undefined);
    try {
      setTestResult(
        (await must(api.POST('/api/v1/channels/{channelId}/subscriptions/{id}/test', path))).data,
      );
      setSent((count) => count + 1);
    } catch (failure) {
      setTestError(failure);
    }
  };
  return (
    <LoadState loaded={loaded}>
      {(subscription) => (
        <Page
          title={subscription.name}
          actions={
            <button type="button" onClick={() => void sendTest()}>
              {t('subscriptions.sendTest')}
            </button>
          }
        >
          <p>
            <Link href={`/channels/${channelId}`}>← {t('subscriptions.backToChannel')}</Link>
          </p>
          <div role="status" className="status-line">
            {testResult && <TestResult result={testResult} />}
          </div>
          {testError !== undefined && <ErrorNotice error={testError} />}
          <SubscriptionEditor subscription={subscription} path={path} />
          <NotificationPreview channelId={channelId} subscriptionId={id} />
          <DeliveryLog channelId={channelId} subscriptionId={id} generation={sent} />
        </Page>
      )}
    </LoadState>
  );
}
