import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageType } from '../../core/citizen/photos/sniffImage.ts';
import type { PhotoStore } from '../../core/ports/PhotoStore.ts';

const EXTENSION: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic' };
const TYPE = Object.fromEntries(Object.entries(EXTENSION).map(([t, e]) => [e, t as ImageType]));
/** Keys are made by the core (letters, digits, dashes); anything else never reaches the file system. */
const KEY = /^[a-z0-9-]{1,80}$/;

/** Photos as files in one folder (the local runtime's stand-in for the photo bucket), named by key and type. */
export class FolderPhotoStore implements PhotoStore {
  constructor(private readonly dir: string) {}

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
