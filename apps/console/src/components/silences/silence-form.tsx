import { useId, useState, type FormEvent } from 'react';
import type { Names } from '../../api/use-names';
import { useI18n } from '../../i18n/i18n';
import { ruleOf, type SilenceDraft } from '../../silences/silence-draft';
import { ConditionsEditor } from '../conditions-editor';
import { ScheduleFields } from './schedule-fields';
import { SilencePreview } from './silence-preview';

function ScopeFields({
  draft,
  names,
  onChange,
}: {
  draft: SilenceDraft;
  names: Names;
  onChange: (draft: SilenceDraft) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset>
      <legend>{t('silences.scope')}</legend>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('silences.scopeType')}</label>
        <select
          id={`${id}-type`}
          value={draft.scopeType}
          onChange={(event) =>
            onChange({ ...draft, scopeType: event.target.value as SilenceDraft['scopeType'] })
          }
        >
          <option value="all">{t('silences.scope.all')}</option>
          <option value="integration">{t('silences.scope.integration')}</option>
          <option value="channel">{t('silences.scope.channel')}</option>
        </select>
      </div>
      {draft.scopeType === 'integration' && (
        <div className="field">
          <label htmlFor={`${id}-integration`}>{t('filters.integration')}</label>
          <select
            id={`${id}-integration`}
            required
            value={draft.integrationId}
            onChange={(event) => onChange({ ...draft, integrationId: event.target.value })}
          >
            <option value="">{t('silences.pick')}</option>
            {names.integrations.map((integration) => (
              <option key={integration.id} value={integration.id}>
                {integration.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {draft.scopeType === 'channel' && (
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('filters.channel')}</label>
          <select
            id={`${id}-channel`}
            required
            value={draft.channelId}
            onChange={(event) => onChange({ ...draft, channelId: event.target.value })}
          >
            <option value="">{t('silences.pick')}</option>
            {names.channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
          <p className="hint">{t('silences.scope.channelHint')}</p>
        </div>
      )}
    </fieldset>
  );
}

/**
 * A silence's form (README: Silences and maintenance windows): why, what it matches, where, when,
 * and what it does; its 7-day preview before saving.
 */
export function SilenceForm({
  initial,
  names,
  submitLabel,
  onSubmit,
}: {
  initial: SilenceDraft;
  names: Names;
  submitLabel: string;
  onSubmit: (draft: SilenceDraft) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(draft);
  };
  return (
    <>
      <form className="stacked" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('silences.reason')}</label>
          <input
            id={`${id}-reason`}
            required
            maxLength={500}
            value={draft.reason}
            onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
          />
        </div>
        <fieldset>
          <legend>{t('silences.conditions')}</legend>
          <ConditionsEditor
            conditions={draft.conditions}
            onChange={(conditions) => setDraft({ ...draft, conditions })}
            emptyText={t('silences.noConditions')}
          />
        </fieldset>
        <ScopeFields draft={draft} names={names} onChange={setDraft} />
        <ScheduleFields draft={draft} onChange={setDraft} />
        <fieldset>
          <legend>{t('silences.mode')}</legend>
          {(['mark', 'drop'] as const).map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === mode}
                onChange={() => setDraft({ ...draft, mode })}
              />
              {t(`silences.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-expires`}>{t('silences.expiresAt')}</label>
          <input
            id={`${id}-expires`}
            type="datetime-local"
            value={draft.expiresAt}
            onChange={(event) => setDraft({ ...draft, expiresAt: event.target.value })}
          />
          <p className="hint">{t('silences.expiresHint')}</p>
        </div>
        <p className="hint">{t('silences.resolutionsPass')}</p>
        <div className="actions">
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        </div>
      </form>
      <SilencePreview rule={() => ruleOf(draft)} />
    </>
  );
}
