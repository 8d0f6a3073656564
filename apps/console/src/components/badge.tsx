import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

type BadgeValue =
  Schemas['Severity'] | Schemas['AlertStatus'] | Schemas['EventStatus'] | Schemas['PushOutcome'];

/** A severity, status or outcome as a coloured word (the word says it; colour only helps). */
export function Badge({ value }: { value: BadgeValue }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${value.toLowerCase()}`}>
      {t(`value.${value}` as MessageKey)}
    </span>
  );
}
