import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { isVersionConflict } from '../api/use-versioned-save';
import { useLoad } from '../api/use-load';
import { ChannelChoices } from '../components/channel-choices';
import { ConditionsEditor } from '../components/conditions-editor';
import { ErrorNotice } from '../components/error-notice';
import { JsonView } from '../components/json-view';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { RoutePreview } from '../components/route-preview';
import { StaleVersionNotice } from '../components/stale-version-notice';
import { useI18n } from '../i18n/i18n';
import {
  cleanRouteSet,
  moved,
  newRule,
  removed,
  replaced,
  routeChannelIds,
  type RouteRule,
  type RouteSet,
} from '../routing/route-set';

/** Recent events offered to the preview: enough to find the one that went astray. */
const RECENT_EVENTS = 20;

/** The JSON holds channels by id, as the API does: their names, beside it. */
function ChannelIdsNamed({
  ids,
  channelName,
}: {
  ids: string[];
  channelName: (id: string) => string;
}) {
  const { t } = useI18n();
  if (ids.length === 0) return null;
  return (
    <>
      <p className="muted">{t('routes.jsonChannels')}</p>
      <ul className="plain">
        {ids.map((id) => (
          <li key={id}>
            <code>{id}</code>: {channelName(id)}
          </li>
        ))}
      </ul>
    </>
  );
}

function RuleEditor({
  number,
  count,
  rule,
  channels,
  onChange,
  onMove,
  onRemove,
}: {
  number: number;
  count: number;
  rule: RouteRule;
  channels: Schemas['Channel'][];
  onChange: (rule: RouteRule) => void;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="rule">
      <legend>{t('routes.rule', { number, name: rule.name })}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('common.name')}</label>
        <input
          id={`${id}-name`}
          required
          maxLength={100}
          value={rule.name}
          onChange={(event) => onChange({ ...rule, name: event.target.value })}
        />
      </div>
      <h3>{t('routes.conditions')}</h3>
      <ConditionsEditor
        conditions={rule.conditions}
        onChange={(conditions) => onChange({ ...rule, conditions })}
        emptyText={t('routes.noConditions')}
      />
      <ChannelChoices
        legend={t('routes.ruleChannels')}
        channels={channels}
        chosen={rule.channelIds}
        onChange={(channelIds) => onChange({ ...rule, channelIds })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={rule.continue}
          onChange={(event) => onChange({ ...rule, continue: event.target.checked })}
        />
        {t('routes.continue')}
      </label>
      <div className="actions">
        <button type="button" disabled={number === 1} onClick={() => onMove(-1)}>
          {t('routes.moveUp')}
        </button>
        <button type="button" disabled={number === count} onClick={() => onMove(1)}>
          {t('routes.moveDown')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('routes.removeRule')}
        </button>
      </div>
    </fieldset>
  );
}

type SaveState =
  | { kind: 'saved'; version: number }
  | { kind: 'stale' }
  | { kind: 'reloaded'; saved: Schemas['RoutesView'] }
  | { kind: 'failed'; error: unknown };

function RoutesEditor({
  integration,
  saved,
  channels,
  samples,
  recentEvents,
}: {
  integration: Schemas['IntegrationView'];
  saved: Schemas['RoutesView'];
  channels: Schemas['Channel'][];
  samples: Record<string, unknown>;
  recentEvents: Schemas['AlertEvent'][];
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<RouteSet>({
    rules: saved.rules,
    defaultChannelIds: saved.defaultChannelIds,
  });
  const [version, setVersion] = useState(saved.version);
  const [state, setState] = useState<SaveState>();
  const routes = cleanRouteSet(draft);
  const channelName = (id: string) => channels.find((channel) => channel.id === id)?.name ?? id;
  const setRules = (rules: RouteRule[]) => setDraft({ ...draft, rules });
  const path = { params: { path: { id: integration.id } } };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const answer = await must(
        api.PUT('/api/v1/integrations/{id}/routes', { ...path, body: { ...routes, version } }),
      );
      setVersion(answer.data.version);
      setState({ kind: 'saved', version: answer.data.version });
    } catch (error) {
      const stale = isVersionConflict(error);
      setState(stale ? { kind: 'stale' } : { kind: 'failed', error });
    }
  };

  // Only the version is taken from the routes saved now: the edit stays, to be saved over them.
  const reloadKeepingEdit = async () => {
    try {
      const latest = await must(api.GET('/api/v1/integrations/{id}/routes', path));
      setVersion(latest.data.version);
      setState({ kind: 'reloaded', saved: latest.data });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <>
      <p>{t('routes.intro')}</p>
      <h2>{t('routes.rules')}</h2>
      <form className="rule-list" onSubmit={(event) => void save(event)}>
        {draft.rules.length === 0 && <p className="muted">{t('routes.noRules')}</p>}
        {draft.rules.map((rule, index) => (
          <RuleEditor
            key={index}
            number={index + 1}
            count={draft.rules.length}
            rule={rule}
            channels={channels}
            onChange={(next) => setRules(replaced(draft.rules, index, next))}
            onMove={(offset) => setRules(moved(draft.rules, index, offset))}
            onRemove={() => setRules(removed(draft.rules, index))}
          />
        ))}
        <div>
          <button
            type="button"
            onClick={() =>
              setRules([
                ...draft.rules,
                newRule(t('routes.newRuleName', { number: draft.rules.length + 1 })),
              ])
            }
          >
            {t('routes.addRule')}
          </button>
        </div>
        <ChannelChoices
          legend={t('routes.defaultChannels')}
          channels={channels}
          chosen={draft.defaultChannelIds}
          onChange={(defaultChannelIds) => setDraft({ ...draft, defaultChannelIds })}
        />
        <p className="hint">{t('routes.defaultHelp')}</p>
        <div className="notice">
          <p>
            <strong>{t('routes.unroutedOrRefused')}</strong> {t('routes.unroutedExplained')}
          </p>
          <p>{t('routes.refusedExplained')}</p>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t('routes.save')}
          </button>
          <details className="version">
            <summary>{t('routes.versionSummary')}</summary>
            <p className="muted">{t('routes.version', { version })}</p>
          </details>
        </div>
      </form>
      <div role="status" className="status-line">
        {state?.kind === 'saved' && <p className="notice">{t('routes.saved')}</p>}
      </div>
      {state?.kind === 'failed' && <ErrorNotice error={state.error} />}
      {(state?.kind === 'stale' || state?.kind === 'reloaded') && (
        <StaleVersionNotice
          savedNow={state.kind === 'reloaded' ? state.saved : undefined}
          onReload={() => void reloadKeepingEdit()}
          texts={{
            title: t('routes.staleTitle'),
            explained: t('routes.staleExplained'),
            reloadKeepingEdit: t('routes.reloadKeepingEdit'),
            reloaded: t('routes.reloaded'),
            savedNow: t('routes.savedNow'),
          }}
        />
      )}
      <RoutePreview
        integrationId={integration.id}
        routes={routes}
        samples={samples}
        recentEvents={recentEvents}
        channelName={channelName}
      />
      <section aria-labelledby="routes-json-heading">
        <h2 id="routes-json-heading">{t('routes.json')}</h2>
        <JsonView value={{ ...routes, version }} label={t('routes.jsonHelp')} />
        <ChannelIdsNamed ids={routeChannelIds(routes)} channelName={channelName} />
      </section>
    </>
  );
}

export function RoutesPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const loaded = useLoad(async () => {
    const path = { params: { path: { id } } };
    const [integration, routes, channels, docs, events] = await Promise.all([
      must(api.GET('/api/v1/integrations/{id}', path)),
      must(api.GET('/api/v1/integrations/{id}/routes', path)),
      must(api.GET('/api/v1/channels')),
      must(api.GET('/api/v1/integrations/{id}/docs', path)),
      must(
        api.GET('/api/v1/events', {
          params: { query: { integrationId: id, limit: RECENT_EVENTS } },
        }),
      ),
    ]);
    return {
      integration: integration.data,
      saved: routes.data,
      channels: channels.data,
      samples: docs.data.samples,
      recentEvents: events.data,
    };
  }, id);
  return (
    <LoadState loaded={loaded}>
      {(data) => (
        <Page title={t('routes.title', { name: data.integration.name })}>
          <p>
            <Link href={`/integrations/${id}`}>← {data.integration.name}</Link>
          </p>
          <RoutesEditor {...data} />
        </Page>
      )}
    </LoadState>
  );
}
