import { useState } from 'react';
import { Link } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { NewChannelForm } from '../components/new-channel-form';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

type Channel = Schemas['Channel'];

export function ChannelsPage() {
  const { t } = useI18n();
  const channels = useLoad(() => must(api.GET('/api/v1/channels')), 'channels');
  const [done, setDone] = useState<string>();
  const [deleting, setDeleting] = useState<Channel>();
  const [error, setError] = useState<unknown>();

  const remove = async (channel: Channel) => {
    setDeleting(undefined);
    setError(undefined);
    try {
      await must(api.DELETE('/api/v1/channels/{id}', { params: { path: { id: channel.id } } }));
      setDone(t('channels.deleted', { name: channel.name }));
      channels.reload();
    } catch (failure) {
      setDone(undefined);
      setError(failure);
    }
  };

  return (
    <Page title={t('channels.title')}>
      <p>{t('channels.intro')}</p>
      <div role="status" className="status-line">
        {done && <p className="notice">{done}</p>}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
      <LoadState loaded={channels}>
        {({ data }) =>
          data.length === 0 ? (
            <p>{t('channels.none')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t('channels.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('common.description')}</th>
                  <th scope="col">{t('nav.alerts')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((channel) => (
                  <tr key={channel.id}>
                    <td>
                      <Link href={`/channels/${channel.id}`}>{channel.name}</Link>
                    </td>
                    <td>{channel.description}</td>
                    <td>
                      <Link href={`/alerts?status=active&channelId=${channel.id}`}>
                        {t('channels.activeAlerts')}
                      </Link>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('channels.deleteNamed', { name: channel.name })}
                        onClick={() => setDeleting(channel)}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <section aria-labelledby="new-channel-heading">
        <h2 id="new-channel-heading">{t('channels.new')}</h2>
        <NewChannelForm
          onCreated={(channel) => {
            setError(undefined);
            setDone(t('channels.created', { name: channel.name }));
            channels.reload();
          }}
        />
      </section>
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('channels.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('channels.deleteConfirm')}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(undefined)}
      >
        <p>{t('channels.deleteWarning')}</p>
        <p>{t('channels.deleteRefused')}</p>
      </ConfirmDialog>
    </Page>
  );
}
