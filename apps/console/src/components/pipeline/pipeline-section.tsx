import { useId, useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useVersionedSave } from '../../api/use-versioned-save';
import { useI18n } from '../../i18n/i18n';
import { cleanStep, newStep, type PipelineStep } from '../../pipeline/steps';
import { moved, removed, replaced } from '../../routing/route-set';
import { JsonView } from '../json-view';
import { LoadState } from '../load-state';
import { VersionedSaveStateView } from '../versioned-save-state';
import { MapTables } from './map-tables';
import { PipelinePreview } from './pipeline-preview';
import { StepEditor } from './step-editor';

/** A step being edited, with an identity of its own: steps move, and their inputs with them. */
interface DraftStep {
  uid: number;
  step: PipelineStep;
}

let nextUid = 0;
const drafted = (step: PipelineStep): DraftStep => ({ uid: nextUid++, step });

function PipelineEditor({
  integrationId,
  saved,
  templates,
  tables,
  samples,
  onTablesChanged,
}: {
  integrationId: string;
  saved: Schemas['PipelineView'];
  templates: Schemas['PipelineTemplateView'][];
  tables: Schemas['MapTableView'][];
  samples: Record<string, unknown>;
  onTablesChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<DraftStep[]>(() => saved.steps.map(drafted));
  const [template, setTemplate] = useState('');
  const steps = draft.map(({ step }) => cleanStep(step));
  const path = { params: { path: { id: integrationId } } };
  const { version, state, save, reloadKeepingEdit } = useVersionedSave({
    initialVersion: saved.version,
    put: async (over) =>
      (
        await must(
          api.PUT('/api/v1/integrations/{id}/pipeline', {
            ...path,
            body: { version: over, steps },
          }),
        )
      ).data.version,
    load: async () => {
      const latest = (await must(api.GET('/api/v1/integrations/{id}/pipeline', path))).data;
      return { version: latest.version, saved: latest };
    },
  });
  const tableNames = tables.map((table) => table.name);
  const insertTemplate = () => {
    const chosen = templates.find((candidate) => candidate.id === template);
    if (chosen) setDraft([...draft, ...chosen.steps.map(drafted)]);
  };

  return (
    <>
      <form
        className="rule-list"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save(steps);
        }}
      >
        {draft.length === 0 && <p className="muted">{t('pipeline.noSteps')}</p>}
        {draft.map(({ uid, step }, index) => (
          <StepEditor
            key={uid}
            number={index + 1}
            count={draft.length}
            step={step}
            tables={tableNames}
            onChange={(next) => setDraft(replaced(draft, index, { uid, step: next }))}
            onMove={(offset) => setDraft(moved(draft, index, offset))}
            onRemove={() => setDraft(removed(draft, index))}
          />
        ))}
        <div className="inline">
          <button
            type="button"
            onClick={() => setDraft([...draft, drafted(newStep('set_labels'))])}
          >
            {t('pipeline.addStep')}
          </button>
          <label htmlFor={`${id}-template`}>{t('pipeline.template.pick')}</label>
          <select
            id={`${id}-template`}
            value={template}
            onChange={(event) => setTemplate(event.target.value)}
          >
            <option value="">{t('mapping.pickReadyMade')}</option>
            {templates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={template === ''} onClick={insertTemplate}>
            {t('pipeline.template.insert')}
          </button>
        </div>
        {template !== '' && (
          <p className="hint">
            {templates.find((candidate) => candidate.id === template)?.description}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t('pipeline.save')}
          </button>
          <details className="version">
            <summary>{t('routes.versionSummary')}</summary>
            <p className="muted">{t('pipeline.version', { version })}</p>
          </details>
        </div>
      </form>
      <VersionedSaveStateView
        state={state}
        savedText={t('pipeline.saved')}
        onReload={() => void reloadKeepingEdit()}
      />
      <PipelinePreview integrationId={integrationId} steps={steps} samples={samples} />
      <h3>{t('routes.json')}</h3>
      <JsonView value={{ version, steps }} label={t('pipeline.jsonHelp')} />
      <MapTables integrationId={integrationId} tables={tables} onChanged={onTablesChanged} />
    </>
  );
}

/**
 * An integration's processing pipeline (README: Processing pipeline): its steps, ready-made
 * ones, the map tables they read, and a preview of a candidate before saving it.
 */
export function PipelineSection({
  integrationId,
  samples,
}: {
  integrationId: string;
  samples: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const path = { params: { path: { id: integrationId } } };
  const loaded = useLoad(async () => {
    const [pipeline, templates, tables] = await Promise.all([
      must(api.GET('/api/v1/integrations/{id}/pipeline', path)),
      must(api.GET('/api/v1/pipeline-templates')),
      must(api.GET('/api/v1/integrations/{id}/pipeline/tables', path)),
    ]);
    return { saved: pipeline.data, templates: templates.data, tables: tables.data };
  }, integrationId);
  // The tables reload apart from the steps: a table uploaded must not reset an unsaved edit.
  const [tables, setTables] = useState<Schemas['MapTableView'][]>();
  const reloadTables = () =>
    void must(api.GET('/api/v1/integrations/{id}/pipeline/tables', path)).then((answer) =>
      setTables(answer.data),
    );
  return (
    <section aria-labelledby="pipeline-heading">
      <h2 id="pipeline-heading">{t('pipeline.title')}</h2>
      <p>{t('pipeline.intro')}</p>
      <LoadState loaded={loaded}>
        {(data) => (
          <PipelineEditor
            integrationId={integrationId}
            saved={data.saved}
            templates={data.templates}
            tables={tables ?? data.tables}
            samples={samples}
            onTablesChanged={reloadTables}
          />
        )}
      </LoadState>
    </section>
  );
}
