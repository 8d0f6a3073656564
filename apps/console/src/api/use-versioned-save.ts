import { useState } from 'react';
import { ApiFailure } from './client';

const VERSION_CONFLICT_STATUS = 409;

/** The API refused a save because the version it named is no longer the latest. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === VERSION_CONFLICT_STATUS;
}

export type VersionedSaveState =
  | { kind: 'saved' }
  | { kind: 'stale' }
  | { kind: 'reloaded'; savedNow: unknown }
  | { kind: 'failed'; error: unknown };

/**
 * Saving what the API keeps versioned (PUT names the version last read): a stale version (409)
 * is told apart, and reloading takes only the version saved now, so the edit stays to be saved
 * over it.
 */
export function useVersionedSave<T>({
  initialVersion,
  put,
  load,
}: {
  initialVersion: number;
  /** Saves `value` over `version`; answers the new version. */
  put: (version: number, value: T) => Promise<number>;
  /** What is saved now, and its version. */
  load: () => Promise<{ version: number; saved: unknown }>;
}) {
  const [version, setVersion] = useState(initialVersion);
  const [state, setState] = useState<VersionedSaveState>();
  const save = async (value: T) => {
    try {
      setVersion(await put(version, value));
      setState({ kind: 'saved' });
      return true;
    } catch (error) {
      setState(isVersionConflict(error) ? { kind: 'stale' } : { kind: 'failed', error });
      return false;
    }
  };
  const reloadKeepingEdit = async () => {
    try {
      const latest = await load();
      setVersion(latest.version);
      setState({ kind: 'reloaded', savedNow: latest.saved });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return { version, state, save, reloadKeepingEdit };
}
