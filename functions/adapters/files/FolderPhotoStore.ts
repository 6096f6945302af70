import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageType } from '../../core/citizen/photos/sniffImage.ts';
import type { PhotoStore, UploadTarget } from '../../core/ports/PhotoStore.ts';

const EXTENSION: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic' };
const TYPE = Object.fromEntries(Object.entries(EXTENSION).map(([t, e]) => [e, t as ImageType]));
/** Keys are made by the core (letters, digits, dashes); anything else never reaches the file system. */
const KEY = /^[a-z0-9-]{1,80}$/;
/** Where the local server takes presigned PUTs (local/citizen/localUploadSite.ts), on the page's own origin. */
export const LOCAL_UPLOAD_PATH = '/local-uploads/';

export type UploadRefusal = { status: 403 | 404 | 400; reason: string };

/**
 * Photos as files in one folder (the local runtime's stand-in for the photo bucket), named by key and type;
 * raw uploads in its incoming/ folder. Its presigned PUTs are signed with an HMAC of the key, type, size and
 * expiry (a secret of this process), and checked as S3 checks its own.
 */
export class FolderPhotoStore implements PhotoStore {
  private readonly secret: Buffer;
  private readonly now: () => number;

  constructor(private readonly dir: string, options: { secret?: Buffer; now?: () => number } = {}) {
    this.secret = options.secret ?? randomBytes(32);
    this.now = options.now ?? Date.now;
  }

  private sign(key: string, type: string, bytes: number, expires: number): string {
    return createHmac('sha256', this.secret).update(`${key}\n${type}\n${bytes}\n${expires}`).digest('hex');
  }

  async uploadTarget(uploadKey: string, bounds: { contentType: string; bytes: number; expiresAt: Date }): Promise<UploadTarget> {
    if (!KEY.test(uploadKey)) throw new Error(`upload key "${uploadKey}" is not a key this store made`);
    const expires = bounds.expiresAt.getTime();
    const query = new URLSearchParams({ type: bounds.contentType, bytes: String(bounds.bytes), expires: String(expires), sig: this.sign(uploadKey, bounds.contentType, bounds.bytes, expires) });
    return { method: 'PUT', url: `${LOCAL_UPLOAD_PATH}${uploadKey}?${query}`, headers: { 'Content-Type': bounds.contentType }, expiresAt: bounds.expiresAt.toISOString() };
  }

  /** A presigned PUT as the local server receives it: written to incoming/ when its signature, expiry, type and size hold. */
  async acceptUpload(uploadKey: string, query: URLSearchParams, contentType: string | undefined, body: Uint8Array): Promise<UploadRefusal | undefined> {
    const type = query.get('type') ?? '';
    const bytes = Number(query.get('bytes'));
    const expires = Number(query.get('expires'));
    const sig = Buffer.from(query.get('sig') ?? '', 'hex');
    const expected = Buffer.from(this.sign(uploadKey, type, bytes, expires), 'hex');
    if (!KEY.test(uploadKey) || sig.length !== expected.length || !timingSafeEqual(sig, expected)) return { status: 403, reason: 'the upload URL\'s signature does not match' };
    if (this.now() > expires) return { status: 403, reason: 'the upload URL has expired' };
    if ((contentType ?? '') !== type) return { status: 403, reason: `the upload was signed for Content-Type ${type}, not ${contentType ?? 'none'}` };
    if (body.length !== bytes) return { status: 403, reason: `the upload was signed for ${bytes} bytes, not ${body.length}` };
    await mkdir(join(this.dir, 'incoming'), { recursive: true });
    await writeFile(join(this.dir, 'incoming', uploadKey), body);
    return undefined;
  }

  async takeUpload(uploadKey: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { tooLarge: number } | undefined> {
    if (!KEY.test(uploadKey)) return undefined;
    const file = join(this.dir, 'incoming', uploadKey);
    const size = await stat(file).then((s) => s.size, () => undefined);
    if (size === undefined) return undefined;
    const bytes = size > maxBytes ? undefined : await readFile(file);
    await rm(file, { force: true });
    return bytes ? { bytes: new Uint8Array(bytes) } : { tooLarge: size };
  }

  async put(key: string, bytes: Uint8Array, contentType: ImageType): Promise<void> {
    if (!KEY.test(key)) throw new Error(`photo key "${key}" is not a key this store made`);
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, `${key}.${EXTENSION[contentType]}`), bytes, { flag: 'wx' });
  }

  async get(key: string): Promise<{ bytes: Uint8Array; contentType: ImageType } | undefined> {
    if (!KEY.test(key)) return undefined;
    for (const [ext, contentType] of Object.entries(TYPE)) {
      const bytes = await readFile(join(this.dir, `${key}.${ext}`)).catch(() => undefined);
      if (bytes) return { bytes: new Uint8Array(bytes), contentType };
    }
    return undefined;
  }
}
