import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { UnreachableError } from './ProblemError.ts';

export interface Polled<T> {
  data: T | undefined;
  /** When the data was last confirmed current (a 200 or a 304). */
  okAt: number | undefined;
  /** Set while the API cannot be reached or refuses; the last data is kept. */
  error: Error | undefined;
  lost: boolean;
  refresh: () => void;
}

/**
 * Polls every `ms` (15 s at most, like GoAlert), stops while the tab is hidden and refetches as soon
 * as it is shown or focused again.
 */
export function usePoll<T>(load: () => Promise<T>, ms: number, deps: unknown[] = []): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, 'refresh'>>({ data: undefined, okAt: undefined, error: undefined, lost: false });
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef(false);
  const run = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const data = await loadRef.current();
      setState({ data, okAt: Date.now(), error: undefined, lost: false });
    } catch (error) {
      setState((s) => ({ ...s, error: error as Error, lost: error instanceof UnreachableError || (error as { status?: number }).status === 502 || (error as { status?: number }).status === 503 }));
    } finally {
      inFlight.current = false;
    }
  }, []);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => { if (timer === undefined) timer = setInterval(() => void run(), Math.min(ms, 15_000)); };
    const stop = () => { if (timer !== undefined) clearInterval(timer); timer = undefined; };
    const onVisibility = () => { if (document.hidden) stop(); else { void run(); start(); } };
    const onFocus = () => void run();
    void run();
    if (!document.hidden) start();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    return () => { stop(); document.removeEventListener('visibilitychange', onVisibility); window.removeEventListener('focus', onFocus); };
  }, [run, ms, ...deps]);
  return { ...state, refresh: () => void run() };
}
