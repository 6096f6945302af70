import { useState } from 'preact/hooks';
import { lang, t } from '../i18n.tsx';
import { publicApi, toE164 } from '../publicApi.ts';

function masked(e164: string): string {
  return e164.replace(/^(\+\d{2})(\d{3})\d{4}(\d{4})$/, '$1 $2****$3');
}

/** The reporter's phone, checked by a 6-digit SMS code; the pass it earns is the Open311 api_key. */
export function PhoneCheck({ onPass }: { onPass: (pass: string) => void }) {
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [verified, setVerified] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (act: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try { await act(); } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  };
  const send = () => run(async () => {
    const phone = toE164(typed);
    await publicApi.requestCode(phone, lang.get());
    setSentTo(phone);
  });
  const confirm = () => run(async () => {
    const { pass } = await publicApi.confirmCode(sentTo!, code.trim());
    setVerified(sentTo);
    onPass(pass);
  });
  if (verified) return <p class="verified" data-verified>✓ {t('verified')}: {masked(verified)}</p>;
  return (
    <div class="phone-check">
      <p class="hint">{t('phoneHint')}</p>
      <label>{t('phoneLabel')}
        <span class="row">
          <input type="tel" inputMode="tel" autoComplete="tel" name="phone" value={typed} maxLength={20} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="button" class="secondary" disabled={busy || typed.trim().length < 5} onClick={send}>{sentTo ? t('resend') : t('sendCode')}</button>
        </span>
      </label>
      {sentTo && (
        <>
          <p class="hint" role="status">{t('codeSent', { phone: masked(sentTo) })}</p>
          <label>{t('codeLabel')}
            <span class="row">
              <input inputMode="numeric" autoComplete="one-time-code" name="code" pattern="[0-9]*" maxLength={6} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
              <button type="button" disabled={busy || !/^\d{6}$/.test(code.trim())} onClick={confirm}>{t('confirmCode')}</button>
            </span>
          </label>
        </>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
