import { useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/ApiClient.ts';
import { usePoll } from '../api/usePoll.ts';
import { clock } from '../ui/format.ts';
import { lang } from '../ui/i18n.ts';
import { useAction } from '../ui/useAction.ts';

/** A citizen case as GET /citizen/cases shows it to officers (the reporter's phone masked). */
interface CitizenCaseView {
  id: string; category: string; categoryName: { 'zh-CN': string; en: string }; description: string; address?: string; reporter: string;
  state: string; submittedAt: string; updatedAt: string; voices: number; task?: { code: string }; reason?: string; banned?: boolean;
  mergeSuggestions: { id: string; distanceM: number; voices: number }[];
}

interface Figures { targetHours: number; closureRate: number | null; onTimeRate: number | null; satisfaction: { ratings: number; mean: number | null } }

/** The page's own words (zh-CN, en): kept here so that the console's catalogue stays the console team's. */
const W = {
  title: ['市民上报', 'Citizen reports'], none: ['没有上报', 'No reports'], voices: ['人上报', 'reported'], reporter: ['上报人', 'reporter'],
  register: ['立案', 'Register'], reject: ['不予立案', 'Reject'], merge: ['合并到', 'Merge into'], dispatch: ['派遣', 'Dispatch'], verify: ['核查通过', 'Verify'], reopen: ['重新处理', 'Reopen'],
  ban: ['封禁号码', 'Ban number'], banned: ['号码已封禁', 'number banned'], banReason: ['封禁理由（不告知上报人）', 'Reason for the ban (the reporter is not told)'], cancel: ['取消', 'Cancel'],
  banWhat: ['封禁后，该号码此前和此后的上报都会保留，但不再派遣。确认封禁', 'Reports from this number, before and after, are kept and never dispatched. Ban'],
  reason: ['理由（会告知上报人）', 'Reason (the reporter is told)'], closure: ['结案率', 'closure rate'], onTime: ['按期处置率', 'on-time rate'], satisfaction: ['满意度', 'satisfaction'], confirm: ['确认', 'Confirm'], task: ['任务', 'task'],
  submitted: ['待立案', 'new'], registered: ['已立案', 'registered'], waiting: ['等待班组', 'waiting'], dispatched: ['已派遣', 'dispatched'], handled: ['待核查', 'to verify'], closed: ['已结案', 'closed'], rejected: ['不予立案', 'rejected'], merged: ['已合并', 'merged'],
} as const;
const w = (k: keyof typeof W) => W[k][lang.get() === 'en' ? 1 : 0];

function Act({ label, run, kind = '' }: { label: string; run: (key: string) => Promise<unknown>; kind?: string }) {
  const action = useAction(run);
  return (
    <>
      <button type="button" class={kind} disabled={action.pending} onClick={() => void action.run()} data-case-action={label}>{label}</button>
      {action.error && <span class="problem" role="alert">{action.error}</span>}
    </>
  );
}

function WithReason({ label, run }: { label: string; run: (key: string, reason: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) return <button type="button" class="secondary" onClick={() => setOpen(true)}>{label}</button>;
  return (
    <span class="row">
      <input aria-label={w('reason')} placeholder={w('reason')} value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />
      <Act label={w('confirm')} kind="danger" run={(key) => run(key, reason)} />
    </span>
  );
}

/** Bans the number a case came from, behind a confirmation dialog that says what a ban does; the reason is logged. */
function BanReporter({ reporter, run }: { reporter: string; run: (key: string, reason: string) => Promise<unknown> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>{w('ban')}</button>
      <dialog ref={dialog} aria-label={w('ban')} data-ban-dialog>
        <p>{w('banWhat')} {reporter}?</p>
        <input aria-label={w('banReason')} placeholder={w('banReason')} value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />
        <div class="row">
          <button type="button" class="secondary" onClick={() => dialog.current?.close()}>{w('cancel')}</button>
          <Act label={w('ban')} kind="danger" run={async (key) => { await run(key, reason); dialog.current?.close(); }} />
        </div>
      </dialog>
    </>
  );
}

/** The duty officer's queue of citizen reports: register, reject, merge a duplicate, dispatch, verify (the 随手拍 loop). */
export function CitizenCasesPage({ api, pollMs, timeZone, canAct }: { api: ApiClient; pollMs: number; timeZone: string; canAct: boolean }) {
  const polled = usePoll(async () => (await api.read<{ cases: CitizenCaseView[] }>('/citizen/cases')).data, pollMs);
  const figures = usePoll(async () => (await api.read<Figures>('/citizen/figures')).data, pollMs);
  const cases = polled.data?.cases ?? [];
  const f = figures.data;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  const act = (c: CitizenCaseView, step: string, body?: unknown) => async (key: string) => { await api.act('POST', `/citizen/cases/${c.id}/${step}`, body, key); polled.refresh(); };
  const en = lang.use() === 'en';
  return (
    <section class="panel" aria-label={w('title')} data-citizen-cases>
      <h2>{w('title')} ({cases.length})</h2>
      {f && <p data-case-figures>{w('closure')} {pct(f.closureRate)} · {w('onTime')} ({f.targetHours} h) {pct(f.onTimeRate)} · {w('satisfaction')} {f.satisfaction.mean === null ? '—' : f.satisfaction.mean.toFixed(1)} ({f.satisfaction.ratings})</p>}
      {cases.length === 0 && <p>{w('none')}</p>}
      <ul class="attention-list">
        {cases.map((c) => (
          <li key={c.id} data-case={c.id} data-case-state={c.state}>
            <strong>{c.categoryName[en ? 'en' : 'zh-CN']}</strong> · {w(c.state as keyof typeof W)} · <time dateTime={c.submittedAt}>{clock(c.submittedAt, timeZone)}</time>
            {' '}· {c.voices} {w('voices')} · {w('reporter')} {c.reporter}{c.task && <> · {w('task')} {c.task.code}</>}
            {c.address && <div>{c.address}</div>}
            {c.description && <blockquote>{c.description}</blockquote>}
            {c.reason && <div>{c.reason}</div>}
            {c.banned && <div class="problem" data-case-banned>{w('banned')}</div>}
            {canAct && (
              // Keyed by the case's version: each new state gets fresh Idempotency-Keys (a second dispatch is a new act).
              <div class="row" key={c.updatedAt}>
                {c.state === 'submitted' && <Act label={w('register')} run={act(c, 'register')} />}
                {c.state === 'submitted' && c.mergeSuggestions.map((s) => <Act key={s.id} kind="secondary" label={`${w('merge')} ${s.id} (${s.distanceM} m)`} run={act(c, 'merge', { intoId: s.id })} />)}
                {(c.state === 'registered' || c.state === 'waiting') && <Act label={w('dispatch')} run={act(c, 'dispatch')} />}
                {c.state === 'handled' && <Act label={w('verify')} run={act(c, 'verify', {})} />}
                {['submitted', 'registered', 'waiting'].includes(c.state) && <WithReason label={w('reject')} run={(key, reason) => act(c, 'reject', { reason })(key)} />}
                {(c.state === 'handled' || c.state === 'closed') && <WithReason label={w('reopen')} run={(key, reason) => act(c, 'reopen', { reason })(key)} />}
                {!c.banned && <BanReporter reporter={c.reporter} run={(key, reason) => act(c, 'ban-reporter', { reason })(key)} />}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
