import { describe, expect, it } from 'vitest';
import type { PhotoStore, UploadTarget } from '../../../functions/core/ports/PhotoStore.ts';

export interface PhotoStoreSubject {
  store: PhotoStore;
  /** The browser's PUT to a presigned target: the HTTP status the store's endpoint answered. */
  put(target: UploadTarget, bytes: Uint8Array): Promise<number>;
}

let n = 0;
const key = (prefix: 'u' | 'p') => `${prefix}-0123456789ab-k${Date.now().toString(36)}${n++}`;
const inTenMinutes = () => new Date(Date.now() + 600_000);
const bytes = (length: number, fill = 7) => new Uint8Array(length).fill(fill);

/** What every photo store does, whichever holds the bytes. */
export function photoStoreContract(name: string, subject: () => Promise<PhotoStoreSubject>): void {
  describe(`PhotoStore contract: ${name}`, () => {
    it('gives back a clean copy with its type, and nothing for a key never put', async () => {
      const { store } = await subject();
      const k = key('p');
      await store.put(k, bytes(12, 3), 'image/png');
      expect(await store.get(k)).toEqual({ bytes: bytes(12, 3), contentType: 'image/png' });
      expect(await store.get(key('p'))).toBeUndefined();
    });

    it('takes an upload PUT to its presigned target once: the bytes, then nothing', async () => {
      const s = await subject();
      const k = key('u');
      const target = await s.store.uploadTarget(k, { contentType: 'image/jpeg', bytes: 300, expiresAt: inTenMinutes() });
      expect([target.method, target.headers['Content-Type']]).toEqual(['PUT', 'image/jpeg']);
      expect(await s.put(target, bytes(300))).toBe(200);
      expect(await s.store.takeUpload(k, 1000)).toEqual({ bytes: bytes(300) });
      expect(await s.store.takeUpload(k, 1000)).toBeUndefined();
    });

    it('finds nothing to take where nothing was uploaded', async () => {
      const { store } = await subject();
      expect(await store.takeUpload(key('u'), 1000)).toBeUndefined();
    });

    it('answers an upload over the limit with its size, unread, and removes it', async () => {
      const s = await subject();
      const k = key('u');
      const target = await s.store.uploadTarget(k, { contentType: 'image/png', bytes: 64, expiresAt: inTenMinutes() });
      expect(await s.put(target, bytes(64))).toBe(200);
      expect(await s.store.takeUpload(k, 63)).toEqual({ tooLarge: 64 });
      expect(await s.store.takeUpload(k, 1000)).toBeUndefined();
    });

    it('never serves a raw upload as a photo', async () => {
      const s = await subject();
      const k = key('u');
      expect(await s.put(await s.store.uploadTarget(k, { contentType: 'image/jpeg', bytes: 10, expiresAt: inTenMinutes() }), bytes(10))).toBe(200);
      expect(await s.store.get(k)).toBeUndefined();
    });
  });
}
