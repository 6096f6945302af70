import { useState } from 'preact/hooks';
// The same segment counter the API uses, so the officer sees before sending what the crew will get.
import { smsSegments } from '../../../functions/core/messages/smsSegments.ts';
import type { ApiClient } from '../api/ApiClient.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { t } from '../ui/i18n.ts';
import { useAction } from '../ui/useAction.ts';

/** A free-text SMS to a crew's leader: segments shown while typing, sent once (one Idempotency-Key per message), logged. */
export function MessageDialog({ api, crewId, crewName, onClose }: { api: ApiClient; crewId: string; crewName: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const seg = smsSegments(text);
  const send = useAction((key) => api.act<{ state: string; segments: number }>('POST', `/crews/${encodeURIComponent(crewId)}/messages`, { text }, key));
  return (
    <Dialog title={`${t('message')}: ${crewName}`} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); void send.run(); }}>
        <p><label>{t('text')} <textarea rows={3} cols={40} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} disabled={send.result !== undefined} data-message-text /></label></p>
        <p data-segments>{seg.segments} {t('segments')} · {seg.encoding} · {text.length}</p>
        {send.error && <p role="alert" class="problem">{send.error}</p>}
        {send.result && <p role="status" data-sent>{t('sent')}: {send.result.state} ({send.result.segments} {t('segments')})</p>}
        <div class="row">
          {!send.result && <button type="submit" disabled={send.pending || text.trim() === ''} data-send>{t('send')}</button>}
          <button type="button" class="secondary" onClick={onClose}>{t('close')}</button>
        </div>
      </form>
    </Dialog>
  );
}
