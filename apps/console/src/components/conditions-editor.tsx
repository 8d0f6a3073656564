import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import {
  EVENT_FIELDS,
  FIELD_VALUES,
  OPERATORS,
  fieldKindOf,
  fieldOf,
  labelNameOf,
  newCondition,
  operatorTakes,
  withOperator,
  type Condition,
  type FieldKind,
  type Operator,
} from '../routing/conditions';
import { removed, replaced } from '../routing/route-set';

const FIELD_KINDS: FieldKind[] = ['labels', ...EVENT_FIELDS];

function ValueInput({
  id,
  condition,
  onChange,
}: {
  id: string;
  condition: Condition;
  onChange: (condition: Condition) => void;
}) {
  const { t } = useI18n();
  const takes = operatorTakes(condition.operator);
  if (takes === 'nothing') return null;
  const choices = FIELD_VALUES[fieldKindOf(condition.field)];
  if (takes === 'value' && choices && !condition.operator.endsWith('regex')) {
    return (
      <div className="field">
        <label htmlFor={id}>{t('conditions.value')}</label>
        <select
          id={id}
          value={condition.value ?? ''}
          onChange={(event) => onChange({ ...condition, value: event.target.value })}
        >
          <option value="">{t('conditions.pickValue')}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`value.${choice}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (takes === 'values') {
    return (
      <div className="field">
        <label htmlFor={id}>{t('conditions.values')}</label>
        <input
          id={id}
          value={(condition.values ?? []).join(', ')}
          onChange={(event) =>
            onChange({ ...condition, values: event.target.value.split(',').map((v) => v.trim()) })
          }
        />
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {condition.operator.endsWith('regex') ? t('conditions.pattern') : t('conditions.value')}
      </label>
      <input
        id={id}
        value={condition.value ?? ''}
        onChange={(event) => onChange({ ...condition, value: event.target.value })}
      />
    </div>
  );
}

function ConditionRow({
  number,
  condition,
  onChange,
  onRemove,
}: {
  number: number;
  condition: Condition;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const kind = fieldKindOf(condition.field);
  const setField = (next: FieldKind, labelName: string) =>
    onChange({ ...condition, field: fieldOf(next, labelName) });
  return (
    <li className="condition">
      <div className="field">
        <label htmlFor={`${id}-field`}>{t('conditions.field')}</label>
        <select
          id={`${id}-field`}
          value={kind}
          onChange={(event) =>
            setField(event.target.value as FieldKind, labelNameOf(condition.field))
          }
        >
          {FIELD_KINDS.map((field) => (
            <option key={field} value={field}>
              {t(`conditions.field.${field}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'labels' && (
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('conditions.labelName')}</label>
          <input
            id={`${id}-label`}
            required
            value={labelNameOf(condition.field)}
            onChange={(event) => setField('labels', event.target.value.trim())}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-operator`}>{t('conditions.operator')}</label>
        <select
          id={`${id}-operator`}
          value={condition.operator}
          onChange={(event) => onChange(withOperator(condition, event.target.value as Operator))}
        >
          {OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {t(`conditions.operator.${operator}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <ValueInput id={`${id}-value`} condition={condition} onChange={onChange} />
      <button type="button" onClick={onRemove}>
        {t('conditions.remove', { number })}
      </button>
    </li>
  );
}

/** Conditions built from fields and operators (README: Routing), all of which must hold. */
export function ConditionsEditor({
  conditions,
  onChange,
  emptyText,
}: {
  conditions: Condition[];
  onChange: (conditions: Condition[]) => void;
  emptyText: string;
}) {
  const { t } = useI18n();
  return (
    <div className="conditions">
      {conditions.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ol>
          {conditions.map((condition, index) => (
            <ConditionRow
              key={index}
              number={index + 1}
              condition={condition}
              onChange={(next) => onChange(replaced(conditions, index, next))}
              onRemove={() => onChange(removed(conditions, index))}
            />
          ))}
        </ol>
      )}
      <button type="button" onClick={() => onChange([...conditions, newCondition()])}>
        {t('conditions.add')}
      </button>
    </div>
  );
}
