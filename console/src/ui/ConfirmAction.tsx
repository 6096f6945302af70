import { useEffect, useState } from 'preact/hooks';
import { Dialog } from './Dialog.tsx';
import { t } from './i18n.ts';
import { useAction } from './useAction.ts';

/**
 * An action behind a confirmation that states its consequence, with the reason the response log will
 * show. The API's refusal is shown as a sentence in the dialog; nothing is retried silently.
 */
export function ConfirmAction<T>({ title, consequence, act, onDone, onClose, danger }: {
  title: string; consequence: string; act: (reason: string, key: string) => Promise<T>; onDone: (result: T) => void; onClose: () => void; danger?: boolean;
}) {
  const [reason, setReason] = useState('');
  const action = useAction((key) => act(reason, key));
  useEffect(() => { if (action.result !== undefined) onDone(action.result); }, [action.result]);
  return (
    <Dialog title={title} onClose={onClose}>
      <p class="consequence" data-consequence>{consequence}</p>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); void action.run(); }}>
        <p><label>{t('reason')} <textarea required minLength={3} rows={2} cols={40} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} data-reason /></label></p>
        {action.error && <p role="alert" class="problem" data-problem>{action.error}</p>}
        <div class="row">
          <button type="submit" class={danger ? 'danger' : ''} disabled={action.pending} data-confirm>{t('confirm')}</button>
          <button type="button" class="secondary" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
