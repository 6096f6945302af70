import type { ImageType } from '../citizen/photos/sniffImage.ts';

/** Reporters' photos, already stripped of their metadata: a local folder here; deployed, a private bucket. */
export interface PhotoStore {
  put(key: string, bytes: Uint8Array, contentType: ImageType): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: ImageType } | undefined>;
}
