import { useId, useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import {
  DESTINATION_KINDS,
  SECRET_KINDS,
  TRANSITIONS,
  type SubscriptionDraft,
} from '../../notifications/subscription-draft';
import { ConditionsEditor } from '../conditions-editor';
import { PairsInput } from '../pairs-input';

/**
 * A subscription's form (README: Notifications): where to, which transitions, a filter, a
 * template. `saved` is the subscription being changed: its secret, headers and URL are never
 * shown, only said to be set, and a field left empty keeps them.
 */
export function SubscriptionForm({
  initial,
  saved,
  submitLabel,
  onSubmit,
}: {
  initial: SubscriptionDraft;
  saved?: Schemas['SubscriptionView'];
  submitLabel: string;
  onSubmit: (draft: SubscriptionDraft) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const takesSecret = SECRET_KINDS.has(draft.kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(draft);
  };
  return (
    <form className="stacked" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('common.name')}</label>
        <input
          id={`${id}-name`}
          required
          maxLength={100}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('subscriptions.kind')}</label>
        <select
          id={`${id}-kind`}
          disabled={saved !== undefined}
          value={draft.kind}
          onChange={(event) =>
            setDraft({ ...draft, kind: event.target.value as SubscriptionDraft['kind'] })
          }
        >
          {DESTINATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`subscriptions.kind.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('subscriptions.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          required={saved === undefined}
          spellCheck={false}
          aria-describedby={`${id}-url-hint`}
          value={draft.url}
          onChange={(event) => setDraft({ ...draft, url: event.target.value.trim() })}
        />
        <p id={`${id}-url-hint`} className="hint">
          {saved
            ? t('subscriptions.urlKept', { url: saved.url })
            : t(`subscriptions.urlHint.${draft.kind}` as MessageKey)}
        </p>
      </div>
      {takesSecret && (
        <div className="field">
          <label htmlFor={`${id}-secret`}>
            {t(
              draft.kind === 'webhook'
                ? 'subscriptions.secret.webhook'
                : 'subscriptions.secret.bot',
            )}
          </label>
          <input
            id={`${id}-secret`}
            type="password"
            autoComplete="off"
            required={draft.kind === 'webhook' && saved === undefined}
            disabled={draft.removeSecret}
            value={draft.secret}
            onChange={(event) => setDraft({ ...draft, secret: event.target.value })}
          />
          {saved?.secret.set && <p className="hint">{t('subscriptions.secretSet')}</p>}
          {saved?.secret.set && draft.kind !== 'webhook' && (
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.removeSecret}
                onChange={(event) => setDraft({ ...draft, removeSecret: event.target.checked })}
              />
              {t('subscriptions.removeSecret')}
            </label>
          )}
        </div>
      )}
      {draft.kind === 'webhook' && (
        <PairsInput
          id={`${id}-headers`}
          label={t('subscriptions.headers')}
          hint={
            saved && Object.keys(saved.headers).length > 0
              ? t('subscriptions.headersSet', { names: Object.keys(saved.headers).join(', ') })
              : t('subscriptions.headersHint')
          }
          pairs={draft.headers}
          onChange={(headers) => setDraft({ ...draft, headers })}
        />
      )}
      <fieldset>
        <legend>{t('subscriptions.transitions')}</legend>
        {TRANSITIONS.map((transition) => (
          <label key={transition} className="choice">
            <input
              type="checkbox"
              checked={draft.transitions.includes(transition)}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  transitions: event.target.checked
                    ? TRANSITIONS.filter(
                        (each) => each === transition || draft.transitions.includes(each),
                      )
                    : draft.transitions.filter((each) => each !== transition),
                })
              }
            />
            {t(`subscriptions.transition.${transition}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('subscriptions.filter')}</legend>
        <ConditionsEditor
          conditions={draft.filter}
          onChange={(filter) => setDraft({ ...draft, filter })}
          emptyText={t('subscriptions.noFilter')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('subscriptions.template')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.ownTemplate}
            onChange={(event) => setDraft({ ...draft, ownTemplate: event.target.checked })}
          />
          {t('subscriptions.ownTemplate')}
        </label>
        {draft.ownTemplate && (
          <>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('subscriptions.templateTitle')}</label>
              <input
                id={`${id}-title`}
                required
                value={draft.templateTitle}
                onChange={(event) => setDraft({ ...draft, templateTitle: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-body`}>{t('subscriptions.templateBody')}</label>
              <textarea
                id={`${id}-body`}
                rows={6}
                required
                spellCheck={false}
                value={draft.templateBody}
                onChange={(event) => setDraft({ ...draft, templateBody: event.target.value })}
              />
            </div>
          </>
        )}
        <p className="hint">{t('subscriptions.templateHint')}</p>
      </fieldset>
      <div className="inline">
        <label htmlFor={`${id}-rate`}>{t('subscriptions.rate')}</label>
        <input
          id={`${id}-rate`}
          type="number"
          min={1}
          placeholder={t('subscriptions.rateDefault')}
          value={draft.ratePerMinute}
          onChange={(event) => setDraft({ ...draft, ratePerMinute: event.target.value })}
        />
        <label htmlFor={`${id}-concurrency`}>{t('subscriptions.concurrency')}</label>
        <input
          id={`${id}-concurrency`}
          type="number"
          min={1}
          required
          value={draft.concurrency}
          onChange={(event) => setDraft({ ...draft, concurrency: Number(event.target.value) })}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
