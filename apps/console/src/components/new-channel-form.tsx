import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, must, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from './error-notice';

/** Name and description of a new channel; `onCreated` gets it once the API stored it. */
export function NewChannelForm({
  onCreated,
  extraActions,
}: {
  onCreated: (channel: Schemas['Channel']) => void;
  /** Buttons beside Create (a dialog's Cancel). */
  extraActions?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    // The form may sit in a dialog over another form: its submit stays its own.
    event.stopPropagation();
    setError(undefined);
    try {
      const channel = await must(api.POST('/api/v1/channels', { body: { name, description } }));
      setName('');
      setDescription('');
      onCreated(channel.data);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="stacked" onSubmit={(event) => void create(event)}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('common.name')}</label>
        <input
          id={`${id}-name`}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('common.description')}</label>
        <input
          id={`${id}-description`}
          maxLength={1000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('channels.create')}
        </button>
        {extraActions}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
    </form>
  );
}
