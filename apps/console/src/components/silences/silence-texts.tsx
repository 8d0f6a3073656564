import type { Schemas } from '../../api/client';
import type { Names } from '../../api/use-names';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';

/** A silence's scope in words, with the integration or channel by name once names are known. */
export function ScopeText({
  scope,
  names,
}: {
  scope: Schemas['SilenceScopeDto'];
  names: Names | undefined;
}) {
  const { t } = useI18n();
  if (scope.type === 'integration' && scope.integrationId) {
    const name = names?.integrationName(scope.integrationId) ?? scope.integrationId;
    return <>{t('silences.scopeText.integration', { name })}</>;
  }
  if (scope.type === 'channel' && scope.channelId) {
    const name = names?.channelName(scope.channelId) ?? scope.channelId;
    return <>{t('silences.scopeText.channel', { name })}</>;
  }
  return <>{t('silences.scope.all')}</>;
}

/** A silence's schedule in words: its two times, or its weekly windows and zone. */
export function ScheduleText({ schedule }: { schedule: Schemas['SilenceScheduleDto'] }) {
  const { t, formatTime } = useI18n();
  if (schedule.type === 'once') {
    return (
      <>
        {t('silences.scheduleText.once', {
          start: formatTime(schedule.start),
          end: formatTime(schedule.end),
        })}
      </>
    );
  }
  const windows = (schedule.windows ?? [])
    .map(
      (window) =>
        `${window.days.map((day) => t(`silences.day.${day}` as MessageKey)).join(', ')} ${window.start}–${window.end}`,
    )
    .join('; ');
  return (
    <>
      {t('silences.scheduleText.weekly', { windows, timezone: schedule.timezone ?? '' })}
      {schedule.lastDate && ` ${t('silences.scheduleText.until', { date: schedule.lastDate })}`}
    </>
  );
}
