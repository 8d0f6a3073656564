import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, must } from '../api/client';
import { useLoad } from '../api/use-load';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useI18n } from '../i18n/i18n';

export function ChannelsPage() {
  const { t } = useI18n();
  const channels = useLoad(() => must(api.GET('/api/v1/channels')), 'channels');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const channel = await must(api.POST('/api/v1/channels', { body: { name, description } }));
      setCreated(channel.data.name);
      setName('');
      setDescription('');
      channels.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Page title={t('channels.title')}>
      <p>{t('channels.intro')}</p>
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
                </tr>
              </thead>
              <tbody>
                {data.map((channel) => (
                  <tr key={channel.id}>
                    <td>{channel.name}</td>
                    <td>{channel.description}</td>
                    <td>
                      <Link href={`/alerts?status=active&channelId=${channel.id}`}>
                        {t('channels.activeAlerts')}
                      </Link>
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
        <form className="stacked" onSubmit={(event) => void create(event)}>
          <div className="field">
            <label htmlFor="channel-name">{t('common.name')}</label>
            <input
              id="channel-name"
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="channel-description">{t('common.description')}</label>
            <input
              id="channel-description"
              maxLength={1000}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              {t('channels.create')}
            </button>
          </div>
          <p role="status">{created && t('channels.created', { name: created })}</p>
          {error !== undefined && <ErrorNotice error={error} />}
        </form>
      </section>
    </Page>
  );
}
