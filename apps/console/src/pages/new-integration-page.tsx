import { useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { api, must } from '../api/client';
import { useLoad } from '../api/use-load';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { ModalDialog } from '../components/modal-dialog';
import { NewChannelForm } from '../components/new-channel-form';
import { Page } from '../components/page';
import { SettingField, fieldSettings, type SettingValue } from '../components/setting-field';
import { useI18n } from '../i18n/i18n';

/** Create: pick a source, name it, then send it to a channel (private) or by rules (shared). */
export function NewIntegrationPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [search] = useSearchParams();
  const [pluginId, setPluginId] = useState(search.get('plugin') ?? '');
  const [name, setName] = useState('');
  const [type, setType] = useState<'private' | 'shared'>('private');
  const [channelId, setChannelId] = useState('');
  const [settings, setSettings] = useState<Record<string, SettingValue>>({});
  const [error, setError] = useState<unknown>();
  const [addingChannel, setAddingChannel] = useState(false);
  const [channelCreated, setChannelCreated] = useState<string>();

  const choices = useLoad(async () => {
    const [plugins, channels] = await Promise.all([
      must(api.GET('/api/v1/plugins')),
      must(api.GET('/api/v1/channels')),
    ]);
    return { plugins: plugins.data, channels: channels.data };
  }, 'choices');
  const plugin = useLoad(
    async () =>
      pluginId === ''
        ? undefined
        : (await must(api.GET('/api/v1/plugins/{id}', { params: { path: { id: pluginId } } })))
            .data,
    pluginId,
  );

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const created = await must(
        api.POST('/api/v1/integrations', {
          body: {
            name,
            pluginId,
            type,
            ...(type === 'private' ? { channelId } : {}),
            settings,
          },
        }),
      );
      navigate(`/integrations/${created.data.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Page title={t('integrations.new')}>
      <LoadState loaded={choices}>
        {({ plugins, channels }) => (
          <form onSubmit={(event) => void create(event)} className="stacked">
            <div className="field">
              <label htmlFor="plugin">{t('integrations.source')}</label>
              <select
                id="plugin"
                required
                value={pluginId}
                onChange={(event) => {
                  setPluginId(event.target.value);
                  setSettings({});
                }}
              >
                <option value="">{t('integrations.pickSource')}</option>
                {plugins.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.name}
                  </option>
                ))}
              </select>
              {plugin.state === 'ready' && plugin.data && (
                <p className="muted">{plugin.data.description}</p>
              )}
            </div>
            <div className="field">
              <label htmlFor="name">{t('common.name')}</label>
              <input
                id="name"
                required
                maxLength={100}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
            <fieldset>
              <legend>{t('integrations.type')}</legend>
              {(['private', 'shared'] as const).map((choice) => (
                <label key={choice} className="choice">
                  <input
                    type="radio"
                    name="type"
                    value={choice}
                    checked={type === choice}
                    onChange={() => setType(choice)}
                  />{' '}
                  {t(`integrations.type.${choice}`)} — {t(`integrations.typeHelp.${choice}`)}
                </label>
              ))}
            </fieldset>
            {type === 'private' && (
              <div className="field">
                <label htmlFor="channel">{t('integrations.channel')}</label>
                <select
                  id="channel"
                  required
                  value={channelId}
                  onChange={(event) => setChannelId(event.target.value)}
                >
                  <option value="">{t('integrations.pickChannel')}</option>
                  {channels.map((channel) => (
                    <option key={channel.id} value={channel.id}>
                      {channel.name}
                    </option>
                  ))}
                </select>
                {channels.length === 0 && <p>{t('integrations.noChannelYet')}</p>}
                <p role="status" className="muted">
                  {channelCreated && t('integrations.channelCreated', { name: channelCreated })}
                </p>
                <div>
                  <button type="button" onClick={() => setAddingChannel(true)}>
                    {t('integrations.newChannel')}
                  </button>
                </div>
              </div>
            )}
            {plugin.state === 'ready' &&
              fieldSettings(plugin.data?.settings).map((setting) => (
                <SettingField
                  key={setting.name}
                  setting={setting}
                  value={settings[setting.name]}
                  onChange={(value) => {
                    const { [setting.name]: _previous, ...others } = settings;
                    setSettings(
                      value === undefined ? others : { ...others, [setting.name]: value },
                    );
                  }}
                />
              ))}
            {plugin.state === 'ready' &&
              plugin.data?.settings.some((setting) => setting.kind === 'mapping') && (
                <p className="hint">{t('integrations.mappingAfterCreate')}</p>
              )}
            <div className="actions">
              <button type="submit" className="primary">
                {t('integrations.create')}
              </button>
            </div>
            {error !== undefined && <ErrorNotice error={error} />}
          </form>
        )}
      </LoadState>
      <ModalDialog
        open={addingChannel}
        title={t('channels.new')}
        onClose={() => setAddingChannel(false)}
      >
        <p>{t('integrations.newChannelKeeps')}</p>
        <NewChannelForm
          onCreated={(channel) => {
            setAddingChannel(false);
            setChannelId(channel.id);
            setChannelCreated(channel.name);
            choices.reload();
          }}
          extraActions={
            <button type="button" onClick={() => setAddingChannel(false)}>
              {t('common.cancel')}
            </button>
          }
        />
      </ModalDialog>
    </Page>
  );
}
