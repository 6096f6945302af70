import { useRef, useState } from 'preact/hooks';
import { ProblemError } from '../api/ProblemError.ts';
import { newKey } from './format.ts';

/**
 * One intended action: its Idempotency-Key is made once, when the form opens, so a double click or a
 * retry after a timeout acts once. Errors come back as the API's sentence.
 */
export function useAction<T>(act: (key: string) => Promise<T>) {
  const key = useRef(newKey());
  const [state, setState] = useState<{ pending: boolean; error?: string; result?: T }>({ pending: false });
  // A ref, not the state: a double click's second click arrives before the re-render that disables the button.
  const running = useRef(false);
  const run = async () => {
    if (running.current) return;
    running.current = true;
    setState({ pending: true });
    try {
      const result = await act(key.current);
      setState({ pending: false, result });
    } catch (error) {
      setState({ pending: false, error: error instanceof ProblemError ? error.sentence : (error as Error).message });
    } finally {
      running.current = false;
    }
  };
  return { ...state, run, renew: () => { key.current = newKey(); setState({ pending: false }); } };
}
