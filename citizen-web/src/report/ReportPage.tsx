import { useEffect, useRef, useState } from 'preact/hooks';
import type { CityMap } from '../../../console/src/api/types.ts';
import { LangSwitch, lang, t } from '../i18n.tsx';
import { publicApi, type NearbyReport, type Service } from '../publicApi.ts';
import { MapPicker, type Pin } from './MapPicker.tsx';
import { NearbyReports } from './NearbyReports.tsx';
import { PhoneCheck } from './PhoneCheck.tsx';

const MAX_DESCRIPTION = 4000;
const MAX_PHOTOS = 2;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The public report form: category, place, description, a phone checked by SMS; nearby reports offered first. */
export function ReportPage() {
  const language = lang.use();
  const [services, setServices] = useState<Service[]>([]);
  const [map, setMap] = useState<CityMap>();
  const [category, setCategory] = useState<string>();
  const [pin, setPin] = useState<Pin>();
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [pass, setPass] = useState<string>();
  const [nearby, setNearby] = useState<NearbyReport[]>();
  const [voiced, setVoiced] = useState<Record<string, string>>({});
  const [pendingVoice, setPendingVoice] = useState<string>();
  const [gps, setGps] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [photos, setPhotos] = useState<File[]>([]);
  const [done, setDone] = useState<{ id: string; statusUrl: string }>();
  const phoneRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => { publicApi.services(language).then(setServices, (e: Error) => setError(e.message)); }, [language]);
  useEffect(() => { publicApi.map().then(setMap, (e: Error) => setError(e.message)); }, []);
  useEffect(() => {
    if (!pin) return;
    publicApi.nearby(pin.lat, pin.lon).then((r) => setNearby(r.reports), () => setNearby([]));
  }, [pin?.lat, pin?.lon]);

  const voice = async (caseId: string, withPass: string) => {
    try {
      const r = await publicApi.addVoice(caseId, withPass);
      setVoiced((v) => ({ ...v, [caseId]: r.added ? t('voiceAdded', { voices: r.voices }) : t('voiceAlready') }));
    } catch (e) {
      setVoiced((v) => ({ ...v, [caseId]: (e as Error).message }));
    }
  };
  const onVoice = (caseId: string) => {
    if (pass) { void voice(caseId, pass); return; }
    setPendingVoice(caseId);
    setVoiced((v) => ({ ...v, [caseId]: t('voiceNeedsPhone') }));
    phoneRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  const onPass = (p: string) => {
    setPass(p);
    if (pendingVoice) { void voice(pendingVoice, p); setPendingVoice(undefined); }
  };
  const locate = () => {
    if (!navigator.geolocation) { setGps(t('gpsFailed', { why: 'GPS' })); return; }
    setGps(t('gpsBusy'));
    navigator.geolocation.getCurrentPosition(
      (p) => { setGps(undefined); setPin({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lon: Math.round(p.coords.longitude * 1e6) / 1e6 }); },
      (e) => setGps(t('gpsFailed', { why: e.message })),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  const missing = [!category && t('missingCategory'), !pin && t('missingPin'), !pass && t('missingPhone')].filter(Boolean) as string[];
  const submit = async (e: Event) => {
    e.preventDefault();
    if (missing.length || !category || !pin || !pass) { setError(t('missing', { what: missing.join(language === 'en' ? ', ' : '、') })); return; }
    setBusy(true);
    setError(undefined);
    try {
      const keys: string[] = [];
      for (const file of photos) keys.push((await publicApi.uploadPhoto(file, pass)).key);
      const r = await publicApi.submit({ api_key: pass, service_code: category, lat: String(pin.lat), long: String(pin.lon), description, lang: language, ...(address.trim() ? { address_string: address.trim() } : {}), ...(keys.length ? { media_keys: keys.join(',') } : {}) });
      setDone({ id: r.service_request_id, statusUrl: r.status_url });
      window.scrollTo(0, 0);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <main class="report done" data-done={done.id}>
        <header class="head"><h1>{t('title')}</h1><LangSwitch /></header>
        <section class="card">
          <h2>✓ {t('done')}</h2>
          <p>{t('doneText', { id: done.id })}</p>
          <p><a class="button" href={done.statusUrl} data-status-link>{t('viewStatus')}</a></p>
          <p><button type="button" class="secondary" onClick={() => { setDone(undefined); setPhotos([]); setCategory(undefined); setPin(undefined); setDescription(''); setAddress(''); setNearby(undefined); }}>{t('another')}</button></p>
        </section>
      </main>
    );
  }
  return (
    <main class="report">
      <header class="head"><h1>{t('title')}</h1><LangSwitch /></header>
      <p class="intro">{t('intro')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset class="card">
          <legend>{t('category')}</legend>
          <div class="categories">
            {services.map((s) => (
              <label key={s.service_code} class={category === s.service_code ? 'category chosen' : 'category'}>
                <input type="radio" name="category" value={s.service_code} checked={category === s.service_code} onChange={() => setCategory(s.service_code)} />
                <span class="name">{s.service_name}</span>
                <span class="desc">{s.description}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="card">
          <legend>{t('location')}</legend>
          <p class="hint">{t('mapHelp')}</p>
          {map && <MapPicker map={map} pin={pin} onPin={setPin} />}
          <p class="row">
            <button type="button" class="secondary" onClick={locate}>◎ {t('gps')}</button>
            <span class="pin-at" data-pin-at>{pin ? t('pinAt', { lat: pin.lat.toFixed(5), lon: pin.lon.toFixed(5) }) : t('noPin')}</span>
          </p>
          {gps && <p class="hint" role="status">{gps}</p>}
          <label>{t('address')}
            <input name="address" maxLength={200} placeholder={t('addressHint')} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
          </label>
          {pin && nearby && <NearbyReports reports={nearby} services={services} voiced={voiced} onVoice={onVoice} />}
        </fieldset>
        <fieldset class="card">
          <legend>{t('description')}</legend>
          <textarea name="description" rows={4} maxLength={MAX_DESCRIPTION} placeholder={t('descriptionHint')} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
          <p class="hint count">{t('chars', { n: description.length })}</p>
          <p class="label">{t('photos')}</p>
          <label class={photos.length >= MAX_PHOTOS ? 'file-button disabled' : 'file-button'}>＋ {t('addPhoto')}
            <input type="file" class="sr-only" name="photos" accept="image/jpeg,image/png,image/heic,image/heif" multiple disabled={photos.length >= MAX_PHOTOS} onChange={(e) => {
              const chosen = [...(e.currentTarget.files ?? [])];
              const big = chosen.find((f) => f.size > MAX_PHOTO_BYTES);
              if (big) setError(t('photoTooBig', { name: big.name }));
              setPhotos([...photos, ...chosen.filter((f) => f.size <= MAX_PHOTO_BYTES)].slice(0, MAX_PHOTOS));
              e.currentTarget.value = '';
            }} />
          </label>
          {photos.length > 0 && (
            <ul class="photos">
              {photos.map((f, i) => <li key={`${f.name}-${i}`} data-photo>{f.name} <button type="button" class="secondary" onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>{t('removePhoto')}</button></li>)}
            </ul>
          )}
          <p class="hint">{t('photoNote')}</p>
        </fieldset>
        <fieldset class="card" ref={phoneRef}>
          <legend>{t('phone')}</legend>
          <PhoneCheck onPass={onPass} />
        </fieldset>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{busy ? t('submitting') : t('submit')}</button>
      </form>
    </main>
  );
}
