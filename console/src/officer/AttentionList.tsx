import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import type { Attention, AttentionItem } from '../api/types.ts';
import { usePoll } from '../api/usePoll.ts';
import { clock } from '../ui/format.ts';
import { t } from '../ui/i18n.ts';
import { MessageDialog } from './MessageDialog.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';
import { sayReason } from '../ui/reasons.ts';

const KIND: Record<AttentionItem['kind'], [string, string]> = {
  unconfirmed: ['升级后仍未确认', 'unconfirmed after escalation'], unreachable: ['无法联系', 'unreachable'], cannot: ['无法执行', 'cannot'],
  shortfall: ['缺口', 'short'], 'stale-forecast': ['预报过期', 'stale forecast'], 'unparsed-reply': ['无法识别的回复', 'reply not understood'],
};

/** The needs-attention queue, each item with the action that resolves it (reassign its tasks, text the crew). */
export function AttentionList({ api, pollMs, timeZone, canAct, onChanged }: { api: ApiClient; pollMs: number; timeZone: string; canAct: boolean; onChanged?: () => void }) {
  const polled = usePoll(async () => (await api.read<Attention>('/attention')).data, pollMs);
  const [reassign, setReassign] = useState<string>();
  const [message, setMessage] = useState<{ crewId: string; crewName: string }>();
  const items = polled.data?.items ?? [];
  const done = () => { setReassign(undefined); polled.refresh(); onChanged?.(); };
  return (
    <section class="panel" aria-label={t('attention')} data-attention>
      <h2>{t('attention')} ({items.length})</h2>
      {items.length === 0 && <p>{t('noItems')}</p>}
      <ul class="attention-list">
        {items.map((i, n) => (
          <li key={`${i.kind}-${i.at}-${n}`} class={`kind-${i.kind}`} data-kind={i.kind}>
            <strong>{KIND[i.kind][document.documentElement.lang === 'en' ? 1 : 0]}</strong> · <time dateTime={i.at}>{clock(i.at, timeZone)}</time>
            {i.crewName && <> · {i.crewName} ({i.crewId})</>}
            {i.taskCodes.length > 0 && <> · {i.taskCodes.join(', ')}</>}
            {i.text !== null && <blockquote lang="zh-CN" data-reply-text>“{i.text}”</blockquote>}
            <div data-detail>{sayReason(i.reasonCode, i.detail, timeZone)}</div>
            {canAct && (
              <div class="row">
                {i.taskCodes.map((code) => <button key={code} type="button" onClick={() => setReassign(code)} data-action="reassign" data-task={code}>{t('reassign')} {code}</button>)}
                {i.crewId && <button type="button" class="secondary" onClick={() => setMessage({ crewId: i.crewId!, crewName: i.crewName ?? i.crewId! })} data-action="message" data-crew={i.crewId}>{t('message')}</button>}
              </div>
            )}
          </li>
        ))}
      </ul>
      {reassign && <ReassignDialog api={api} taskCode={reassign} onClose={() => setReassign(undefined)} onDone={done} />}
      {message && <MessageDialog api={api} crewId={message.crewId} crewName={message.crewName} onClose={() => { setMessage(undefined); done(); }} />}
    </section>
  );
}
