import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FolderPhotoStore } from '../../../functions/adapters/files/FolderPhotoStore.ts';
import { apiHarness, type ApiHarness } from '../../support/apiHarness.ts';
import { contains, DEVICE, GPS_MARK, jpegWithExif, pngWithMetadata } from '../../support/builders/photos.ts';
import { form, reporterPass } from '../../support/citizenApi.ts';

let h: ApiHarness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snowops-photos-'));
  h = await apiHarness({ photoDir: dir });
});

async function upload(bytes: Uint8Array, pass: string | undefined, type = 'image/jpeg') {
  return h.call('POST', '/citizen/photos', { as: 'none', rawBody: Buffer.from(bytes), headers: { 'Content-Type': type, ...(pass ? { 'X-Reporter-Pass': pass } : {}) } });
}

describe('POST /citizen/photos and a report\'s media_keys', () => {
  it('stores a JPEG without its Exif (device, GPS), and a report from the same phone carries it', async () => {
    const pass = await reporterPass(h);
    const res = await upload(jpegWithExif(), pass);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ contentType: 'image/jpeg' });
    const stored = await new FolderPhotoStore(dir).get(res.json.key);
    expect(stored && (contains(stored.bytes, DEVICE) || contains(stored.bytes, GPS_MARK))).toBe(false);
    expect(stored?.bytes.length).toBe(res.json.bytes);
    const filed = await h.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ service_code: 'icy-road', lat: 35.2211, long: 113.268, api_key: pass, media_keys: res.json.key }) });
    expect(filed.status, filed.text).toBe(201);
    const c = await h.call('GET', `/citizen/cases/${filed.json[0].service_request_id}`);
    expect(c.json.photos).toEqual([{ key: res.json.key, contentType: 'image/jpeg', bytes: res.json.bytes }]);
  });

  it('takes a PNG whatever type it is declared as, judged by its bytes', async () => {
    const res = await upload(pngWithMetadata(), await reporterPass(h), 'application/octet-stream');
    expect([res.status, res.json.contentType]).toEqual([201, 'image/png']);
  });

  it('refuses a fake image (text with a photo\'s type) with 422, and stores nothing', async () => {
    const before = await readdir(dir).catch(() => []);
    const res = await upload(new TextEncoder().encode('<script>alert(1)</script>'), await reporterPass(h));
    expect(res.status).toBe(422);
    expect(res.json.detail).toMatch(/not a JPEG, PNG or HEIC photo/);
    expect((await readdir(dir)).length).toBe(before.length);
  });

  it('refuses an upload over 5 MB with 413, and one without a live pass with 403', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect((await upload(big, await reporterPass(h))).status).toBe(413);
    expect((await upload(jpegWithExif(), undefined)).status).toBe(403);
  });

  it('refuses a report that names another phone\'s photo', async () => {
    const theirs = (await upload(jpegWithExif(), await reporterPass(h))).json.key as string;
    const filed = await h.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ service_code: 'icy-road', lat: 35.2211, long: 113.268, api_key: await reporterPass(h), media_keys: theirs }) });
    expect(filed.status).toBe(422);
  });
});
