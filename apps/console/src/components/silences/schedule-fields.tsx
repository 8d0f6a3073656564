import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { removed, replaced } from '../../routing/route-set';
import { WEEKDAYS, type SilenceDraft, type WindowDraft } from '../../silences/silence-draft';

function WindowFields({
  number,
  window,
  onChange,
  onRemove,
}: {
  number: number;
  window: WindowDraft;
  onChange: (window: WindowDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="rule">
      <legend>{t('silences.window', { number })}</legend>
      <div className="choices">
        {WEEKDAYS.map((day) => (
          <label key={day} className="choice">
            <input
              type="checkbox"
              checked={window.days.includes(day)}
              onChange={(event) =>
                onChange({
                  ...window,
                  days: event.target.checked
                    ? WEEKDAYS.filter((each) => each === day || window.days.includes(each))
                    : window.days.filter((each) => each !== day),
                })
              }
            />
            {t(`silences.day.${day}` as MessageKey)}
          </label>
        ))}
      </div>
      <div className="inline">
        <label htmlFor={`${id}-start`}>{t('silences.windowStart')}</label>
        <input
          id={`${id}-start`}
          type="time"
          required
          value={window.start}
          onChange={(event) => onChange({ ...window, start: event.target.value })}
        />
        <label htmlFor={`${id}-end`}>{t('silences.windowEnd')}</label>
        <input
          id={`${id}-end`}
          required
          pattern="([01][0-9]|2[0-3]):[0-5][0-9]|24:00"
          value={window.end}
          onChange={(event) => onChange({ ...window, end: event.target.value })}
        />
        <button type="button" onClick={onRemove}>
          {t('silences.removeWindow', { number })}
        </button>
      </div>
    </fieldset>
  );
}

/** When a silence holds: once, between two times, or in weekly windows of a time zone. */
export function ScheduleFields({
  draft,
  onChange,
}: {
  draft: SilenceDraft;
  onChange: (draft: SilenceDraft) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset>
      <legend>{t('silences.schedule')}</legend>
      <div className="choices">
        {(['once', 'weekly'] as const).map((type) => (
          <label key={type} className="choice">
            <input
              type="radio"
              name={`${id}-type`}
              checked={draft.scheduleType === type}
              onChange={() => onChange({ ...draft, scheduleType: type })}
            />
            {t(`silences.schedule.${type}`)}
          </label>
        ))}
      </div>
      {draft.scheduleType === 'once' ? (
        <div className="inline">
          <label htmlFor={`${id}-start`}>{t('silences.start')}</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            required
            value={draft.start}
            onChange={(event) => onChange({ ...draft, start: event.target.value })}
          />
          <label htmlFor={`${id}-end`}>{t('silences.end')}</label>
          <input
            id={`${id}-end`}
            type="datetime-local"
            required
            value={draft.end}
            onChange={(event) => onChange({ ...draft, end: event.target.value })}
          />
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-zone`}>{t('silences.timezone')}</label>
            <input
              id={`${id}-zone`}
              required
              value={draft.timezone}
              onChange={(event) => onChange({ ...draft, timezone: event.target.value.trim() })}
            />
          </div>
          {draft.windows.map((window, index) => (
            <WindowFields
              key={index}
              number={index + 1}
              window={window}
              onChange={(next) =>
                onChange({ ...draft, windows: replaced(draft.windows, index, next) })
              }
              onRemove={() => onChange({ ...draft, windows: removed(draft.windows, index) })}
            />
          ))}
          <button
            type="button"
            onClick={() =>
              onChange({
                ...draft,
                windows: [...draft.windows, { days: ['sat'], start: '00:00', end: '24:00' }],
              })
            }
          >
            {t('silences.addWindow')}
          </button>
          <p className="hint">{t('silences.windowHint')}</p>
          <div className="field">
            <label htmlFor={`${id}-last`}>{t('silences.lastDate')}</label>
            <input
              id={`${id}-last`}
              type="date"
              value={draft.lastDate}
              onChange={(event) => onChange({ ...draft, lastDate: event.target.value })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
