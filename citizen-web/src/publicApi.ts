import type { CityMap } from '../../console/src/api/types.ts';

/** An API refusal as the sentence it carries (problem+json's detail, or Open311's error list). */
export class RefusedError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function refusal(res: Response): Promise<RefusedError> {
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as unknown;
    if (Array.isArray(body)) message = body.map((e: { description?: string }) => e.description ?? '').filter(Boolean).join('; ') || message;
    else if (body && typeof body === 'object') {
      const p = body as { detail?: string; title?: string; errors?: { detail?: string }[] };
      const details = (p.errors ?? []).map((e) => e.detail).filter(Boolean);
      message = details.length ? details.join('; ') : p.detail || p.title || message;
    }
  } catch { /* not JSON: the status line says it */ }
  return new RefusedError(res.status, message);
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { cache: 'no-store', ...init });
  if (!res.ok) throw await refusal(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

const postJson = <T,>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export interface Service { service_code: string; service_name: string; description: string }
export interface NearbyReport { id: string; category: string; distanceM: number; voices: number; submittedAt: string; lastVoiceAt: string }
export interface CaseEvent { step: string; at: string; note?: string }
export interface ReporterCase {
  id: string; category: string; categoryName: { 'zh-CN': string; en: string }; description: string; lat: number; lon: number; address?: string;
  state: string; open311: { status: 'open' | 'closed'; notes: string }; submittedAt: string; updatedAt: string; voices: number;
  history: CaseEvent[]; task?: { code: string }; reason?: string; rating?: number; mergedInto?: string;
}

/** The page talks only to the public routes: Open311 for services and reports, /citizen/* for the rest. */
export const publicApi = {
  services: (lang: string) => call<Service[]>(`/open311/v2/services.json?lang=${encodeURIComponent(lang)}`),
  map: () => call<CityMap>('/citizen/map', { cache: 'default' }),
  nearby: (lat: number, lon: number) => call<{ reports: NearbyReport[] }>(`/citizen/nearby?lat=${lat.toFixed(6)}&lon=${lon.toFixed(6)}&radius=200`),
  requestCode: (phone: string, lang: string) => postJson<unknown>('/citizen/verifications', { phone, lang }),
  confirmCode: (phone: string, code: string) => postJson<{ pass: string; expiresAt: string }>('/citizen/verifications/confirm', { phone, code }),
  addVoice: (caseId: string, pass: string) => postJson<{ id: string; voices: number; added: boolean }>(`/citizen/cases/${encodeURIComponent(caseId)}/voices`, { pass }),
  /** Open311 POST /requests, as the form it is. */
  submit: async (fields: Record<string, string>) => {
    const list = await call<{ service_request_id: string; status_url: string }[]>('/open311/v2/requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    return list[0]!;
  },
  /**
   * One photo, before the report: the server gives a presigned PUT for its type and size, the browser puts the
   * bytes there (the bucket deployed, the local server here), then the server sniffs it, strips its metadata
   * and answers the clean copy's key.
   */
  uploadPhoto: async (file: Blob, pass: string) => {
    const contentType = file.type || 'application/octet-stream';
    const { uploadKey, upload } = await postJson<{ uploadKey: string; upload: { method: 'PUT'; url: string; headers: Record<string, string> } }>('/citizen/photos', { pass, contentType, bytes: file.size });
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file });
    if (!put.ok) throw new RefusedError(put.status, `the photo upload was refused (${put.status})`);
    return postJson<{ key: string }>(`/citizen/photos/${encodeURIComponent(uploadKey)}`, { pass });
  },
  status: (caseId: string, key: string) => postJson<ReporterCase>(`/citizen/status/${encodeURIComponent(caseId)}`, { key }),
  rate: (caseId: string, key: string, rating: number) => postJson<ReporterCase>(`/citizen/status/${encodeURIComponent(caseId)}/rating`, { key, rating }),
};

/** What a person types (13812345678, 138 1234 5678, +86 138…) as E.164; mainland mobiles need no +86. */
export function toE164(typed: string): string {
  const digits = typed.replace(/[\s()-]/g, '');
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`;
  if (/^0086\d+$/.test(digits)) return `+${digits.slice(2)}`;
  return digits;
}
