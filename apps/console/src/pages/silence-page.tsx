import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, must, type Schemas } from '../api/client';
import { useLoad } from '../api/use-load';
import { useNames, type Names } from '../api/use-names';
import { useVersionedSave } from '../api/use-versioned-save';
import { ErrorNotice } from '../components/error-notice';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { SilenceForm } from '../components/silences/silence-form';
import { VersionedSaveStateView } from '../components/versioned-save-state';
import { useI18n } from '../i18n/i18n';
import {
  draftOf,
  newSilenceDraft,
  silenceBodyOf,
  type SilenceDraft,
} from '../silences/silence-draft';

function NewSilence({ names }: { names: Names }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>();
  const create = async (draft: SilenceDraft) => {
    setError(undefined);
    try {
      await must(api.POST('/api/v1/silences', { body: silenceBodyOf(draft) }));
      navigate('/silences');
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      {error !== undefined && <ErrorNotice error={error} />}
      <SilenceForm
        initial={newSilenceDraft()}
        names={names}
        submitLabel={t('silences.create')}
        onSubmit={create}
      />
    </>
  );
}

function EditSilence({ silence, names }: { silence: Schemas['SilenceView']; names: Names }) {
  const { t } = useI18n();
  const path = { params: { path: { id: silence.id } } };
  const { state, save, reloadKeepingEdit } = useVersionedSave({
    initialVersion: silence.version,
    put: async (version, draft: SilenceDraft) =>
      (
        await must(
          api.PUT('/api/v1/silences/{id}', {
            ...path,
            body: { ...silenceBodyOf(draft), version },
          }),
        )
      ).data.version,
    load: async () => {
      const latest = (await must(api.GET('/api/v1/silences/{id}', path))).data;
      return { version: latest.version, saved: latest };
    },
  });
  if (!silence.active) return <p className="notice">{t('silences.isEnded')}</p>;
  return (
    <>
      <SilenceForm
        initial={draftOf(silence)}
        names={names}
        submitLabel={t('silences.save')}
        onSubmit={async (draft) => {
          await save(draft);
        }}
      />
      <VersionedSaveStateView
        state={state}
        savedText={t('silences.saved')}
        onReload={() => void reloadKeepingEdit()}
      />
    </>
  );
}

/** A new silence (`/silences/new`), or one to change (`/silences/:id`). */
export function SilencePage() {
  const { t } = useI18n();
  const { id = 'new' } = useParams<{ id: string }>();
  const names = useNames(t('common.unrouted'));
  const silence = useLoad(
    async () =>
      id === 'new'
        ? undefined
        : (await must(api.GET('/api/v1/silences/{id}', { params: { path: { id } } }))).data,
    id,
  );
  return (
    <Page title={id === 'new' ? t('silences.new') : t('silences.edit')}>
      <p>
        <Link href="/silences">← {t('silences.title')}</Link>
      </p>
      <LoadState loaded={names}>
        {(known) => (
          <LoadState loaded={silence}>
            {(found) =>
              found === undefined ? (
                <NewSilence names={known} />
              ) : (
                <EditSilence silence={found} names={known} />
              )
            }
          </LoadState>
        )}
      </LoadState>
    </Page>
  );
}
