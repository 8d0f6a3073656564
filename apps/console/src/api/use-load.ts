import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; data: T };

interface Settled<T> {
  key: string;
  generation: number;
  loaded: Loaded<T>;
}

/**
 * Loads what a page shows, again whenever `key` changes or `reload()` is called. While a reload
 * runs the page keeps showing what it has; an answer that arrives after a newer request started
 * is dropped, so a slow answer never overwrites a fresh one.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  key: string,
): Loaded<T> & { reload: () => void } {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>();
  useEffect(() => {
    let current = true;
    const settle = (loaded: Loaded<T>) => current && setSettled({ key, generation, loaded });
    load().then(
      (data) => settle({ state: 'ready', data }),
      (error: unknown) => settle({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function at each render; what it loads is named by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const loaded: Loaded<T> =
    settled !== undefined && settled.key === key ? settled.loaded : { state: 'loading' };
  return { ...loaded, reload };
}
