import type { ImageType } from '../citizen/photos/sniffImage.ts';

/** Where a reporter's browser puts one raw upload: a presigned PUT, bound to the content type and the exact size. */
export interface UploadTarget {
  method: 'PUT';
  url: string;
  /** Headers the PUT must carry as given (the signature covers them). */
  headers: Record<string, string>;
  expiresAt: string;
}

/**
 * Reporters' photos: raw uploads, put by the browser through a presigned URL and never served, and the
 * clean copies the server makes of them (sniffed, metadata stripped). A local folder here; deployed, a
 * private bucket.
 */
export interface PhotoStore {
  /** A presigned PUT for the raw upload `uploadKey`, valid until `expiresAt`. */
  uploadTarget(uploadKey: string, bounds: { contentType: string; bytes: number; expiresAt: Date }): Promise<UploadTarget>;
  /** The raw upload's bytes, removed from the store as they are read; undefined when nothing was put, or when it holds more than `maxBytes`. */
  takeUpload(uploadKey: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { tooLarge: number } | undefined>;
  /** Stores a clean copy. */
  put(key: string, bytes: Uint8Array, contentType: ImageType): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: ImageType } | undefined>;
}
