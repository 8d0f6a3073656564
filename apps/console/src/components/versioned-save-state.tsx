import type { VersionedSaveState } from '../api/use-versioned-save';
import { ErrorNotice } from './error-notice';
import { StaleVersionNotice } from './stale-version-notice';

/** What the last save did: saved (said with `savedText`), refused as stale, or failed. */
export function VersionedSaveStateView({
  state,
  savedText,
  onReload,
}: {
  state: VersionedSaveState | undefined;
  savedText: string;
  onReload: () => void;
}) {
  return (
    <>
      <div role="status" className="status-line">
        {state?.kind === 'saved' && <p className="notice">{savedText}</p>}
      </div>
      {state?.kind === 'failed' && <ErrorNotice error={state.error} />}
      {state?.kind === 'stale' && <StaleVersionNotice savedNow={undefined} onReload={onReload} />}
      {state?.kind === 'reloaded' && (
        <StaleVersionNotice savedNow={state.savedNow} onReload={onReload} />
      )}
    </>
  );
}
