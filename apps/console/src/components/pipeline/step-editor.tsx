import { useId } from 'react';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import {
  FIRING_ONLY_KINDS,
  STEP_KINDS,
  namesOf,
  withKind,
  type PipelineStep,
  type StepKind,
} from '../../pipeline/steps';
import { ConditionsEditor } from '../conditions-editor';
import { PairsInput } from '../pairs-input';

const SEVERITIES: Schemas['Severity'][] = ['Critical', 'Warning', 'Info'];

function TextField({
  id,
  label,
  hint,
  value,
  required,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string | undefined;
  required?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        required={required}
        spellCheck={false}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The fields of one kind of step (README: Processing pipeline, the table of kinds). */
function KindFields({
  id,
  step,
  tables,
  onChange,
}: {
  id: string;
  step: PipelineStep;
  tables: string[];
  onChange: (step: PipelineStep) => void;
}) {
  const { t } = useI18n();
  const field = (hint: MessageKey) => (
    <TextField
      id={`${id}-field`}
      label={t('pipeline.field')}
      hint={t(hint)}
      required={step.kind !== 'severity'}
      value={step.field}
      onChange={(value) => onChange({ ...step, field: value === '' ? undefined : value })}
    />
  );
  switch (step.kind) {
    case 'set_labels':
      return (
        <PairsInput
          id={`${id}-labels`}
          label={t('pipeline.labels')}
          hint={t('pipeline.labelsHint')}
          pairs={step.labels}
          onChange={(labels) => onChange({ ...step, labels })}
        />
      );
    case 'rename_labels':
      return (
        <PairsInput
          id={`${id}-renames`}
          label={t('pipeline.renames')}
          hint={t('pipeline.renamesHint')}
          pairs={step.renames}
          onChange={(renames) => onChange({ ...step, renames })}
        />
      );
    case 'delete_labels':
      return (
        <TextField
          id={`${id}-names`}
          label={t('pipeline.names')}
          hint={t('pipeline.namesHint')}
          required
          value={(step.names ?? []).join(', ')}
          onChange={(value) => onChange({ ...step, names: namesOf(value) })}
        />
      );
    case 'extract':
      return (
        <>
          {field('pipeline.fieldHint')}
          <TextField
            id={`${id}-pattern`}
            label={t('pipeline.pattern')}
            hint={t('pipeline.patternHint')}
            required
            value={step.pattern}
            onChange={(pattern) => onChange({ ...step, pattern })}
          />
        </>
      );
    case 'map':
      return (
        <>
          <div className="field">
            <label htmlFor={`${id}-table`}>{t('pipeline.table')}</label>
            <select
              id={`${id}-table`}
              required
              value={step.table ?? ''}
              onChange={(event) => onChange({ ...step, table: event.target.value })}
            >
              <option value="">{t('pipeline.pickTable')}</option>
              {[...new Set([...tables, ...(step.table ? [step.table] : [])])].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          {field('pipeline.mapFieldHint')}
        </>
      );
    case 'severity':
      return (
        <>
          <div className="field">
            <label htmlFor={`${id}-set`}>{t('pipeline.setSeverity')}</label>
            <select
              id={`${id}-set`}
              value={step.set ?? ''}
              onChange={(event) =>
                onChange({
                  ...step,
                  set: SEVERITIES.find((severity) => severity === event.target.value),
                })
              }
            >
              <option value="">{t('pipeline.remapInstead')}</option>
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {t(`value.${severity}`)}
                </option>
              ))}
            </select>
          </div>
          {step.set === undefined && (
            <>
              <PairsInput
                id={`${id}-remap`}
                label={t('pipeline.remap')}
                hint={t('pipeline.remapHint')}
                pairs={step.remap}
                onChange={(remap) => onChange({ ...step, remap })}
              />
              {field('pipeline.severityFieldHint')}
            </>
          )}
        </>
      );
    case 'title':
    case 'description':
      return (
        <TextField
          id={`${id}-template`}
          label={t('pipeline.template')}
          hint={t('pipeline.templateHint')}
          required
          value={step.template}
          onChange={(template) => onChange({ ...step, template })}
        />
      );
    case 'drop':
      return (
        <TextField
          id={`${id}-reason`}
          label={t('pipeline.reason')}
          hint={t('pipeline.reasonHint')}
          required
          value={step.reason}
          onChange={(reason) => onChange({ ...step, reason })}
        />
      );
  }
}

/** One step of the pipeline: its kind, name, fields, conditions, and where it stands. */
export function StepEditor({
  number,
  count,
  step,
  tables,
  onChange,
  onMove,
  onRemove,
}: {
  number: number;
  count: number;
  step: PipelineStep;
  tables: string[];
  onChange: (step: PipelineStep) => void;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const kindName = t(`pipeline.kind.${step.kind}` as MessageKey);
  return (
    <fieldset className="rule">
      <legend>{t('pipeline.step', { number, kind: kindName })}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('pipeline.kind')}</label>
        <select
          id={`${id}-kind`}
          value={step.kind}
          onChange={(event) => onChange(withKind(step, event.target.value as StepKind))}
        >
          {STEP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`pipeline.kind.${kind}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`${id}-name`}
        label={t('pipeline.stepName')}
        value={step.name}
        onChange={(name) => onChange({ ...step, name })}
      />
      <KindFields id={id} step={step} tables={tables} onChange={onChange} />
      {FIRING_ONLY_KINDS.has(step.kind) && (
        <label className="choice">
          <input
            type="checkbox"
            checked={step.firingOnly}
            onChange={(event) => onChange({ ...step, firingOnly: event.target.checked })}
          />
          {t('pipeline.firingOnly')}
        </label>
      )}
      <h3>{t('pipeline.conditions')}</h3>
      <ConditionsEditor
        conditions={step.conditions ?? []}
        onChange={(conditions) => onChange({ ...step, conditions })}
        emptyText={t('pipeline.noConditions')}
      />
      <div className="actions">
        <button type="button" disabled={number === 1} onClick={() => onMove(-1)}>
          {t('routes.moveUp')}
        </button>
        <button type="button" disabled={number === count} onClick={() => onMove(1)}>
          {t('routes.moveDown')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('pipeline.removeStep', { number })}
        </button>
      </div>
    </fieldset>
  );
}
