import { useId, useState, type FormEvent } from 'react';
import { api, must, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorNotice } from '../error-notice';
import { TimeText } from '../time-text';

type Table = Schemas['MapTableView'];

/** Upload a table as CSV, typed or read from a file; replacing one names its version. */
function UploadForm({
  integrationId,
  tables,
  onUploaded,
}: {
  integrationId: string;
  tables: Table[];
  onUploaded: (name: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [keyColumn, setKeyColumn] = useState('');
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<unknown>();
  const replacing = tables.find((table) => table.name === name);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await must(
        api.PUT('/api/v1/integrations/{id}/pipeline/tables/{name}', {
          params: { path: { id: integrationId, name } },
          body: { version: replacing?.version ?? 0, keyColumn, csv },
        }),
      );
      onUploaded(name);
      setCsv('');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="stacked" onSubmit={(event) => void upload(event)}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('tables.name')}</label>
        <input
          id={`${id}-name`}
          required
          value={name}
          onChange={(event) => setName(event.target.value.trim())}
        />
        {replacing && (
          <p className="hint">{t('tables.replacing', { version: replacing.version })}</p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('tables.keyColumn')}</label>
        <input
          id={`${id}-key`}
          required
          value={keyColumn}
          onChange={(event) => setKeyColumn(event.target.value.trim())}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-csv`}>{t('tables.csv')}</label>
        <textarea
          id={`${id}-csv`}
          rows={6}
          required
          spellCheck={false}
          aria-describedby={`${id}-csv-hint`}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
        <p id={`${id}-csv-hint`} className="hint">
          {t('tables.csvHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('tables.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(setCsv);
          }}
        />
      </div>
      <div>
        <button type="submit">{t('tables.upload')}</button>
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
    </form>
  );
}

/** The integration's map tables, which `map` steps look up (README: Processing pipeline). */
export function MapTables({
  integrationId,
  tables,
  onChanged,
}: {
  integrationId: string;
  tables: Table[];
  onChanged: () => void;
}) {
  const { t, count } = useI18n();
  const [deleting, setDeleting] = useState<Table>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const remove = async (table: Table) => {
    setDeleting(undefined);
    try {
      await must(
        api.DELETE('/api/v1/integrations/{id}/pipeline/tables/{name}', {
          params: { path: { id: integrationId, name: table.name } },
        }),
      );
      setMessage(t('tables.deleted', { name: table.name }));
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="tables-heading">
      <h3 id="tables-heading">{t('tables.title')}</h3>
      {tables.length === 0 ? (
        <p className="muted">{t('tables.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('tables.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tables.name')}</th>
              <th scope="col">{t('tables.keyColumn')}</th>
              <th scope="col">{t('tables.columns')}</th>
              <th scope="col">{t('tables.rows')}</th>
              <th scope="col">{t('tables.updated')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((table) => (
              <tr key={table.name}>
                <td>{table.name}</td>
                <td>
                  <code>{table.keyColumn}</code>
                </td>
                <td>
                  <code>{table.columns.join(', ')}</code>
                </td>
                <td>{count('row', table.rowCount)}</td>
                <td>
                  <TimeText value={table.updatedAt} />
                </td>
                <td>
                  <button type="button" className="danger" onClick={() => setDeleting(table)}>
                    {t('tables.delete', { name: table.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div role="status" className="status-line">
        {message && <p className="notice">{message}</p>}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
      <h4>{t('tables.uploadTitle')}</h4>
      <UploadForm
        integrationId={integrationId}
        tables={tables}
        onUploaded={(name) => {
          setMessage(t('tables.uploaded', { name }));
          onChanged();
        }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title={t('tables.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(undefined)}
      >
        <p>{t('tables.deleteWarning')}</p>
      </ConfirmDialog>
    </section>
  );
}
