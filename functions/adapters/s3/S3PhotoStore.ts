import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ImageType } from '../../core/citizen/photos/sniffImage.ts';
import type { PhotoStore, UploadTarget } from '../../core/ports/PhotoStore.ts';

/** Raw uploads (the bucket's lifecycle rule drops any left after a day) and clean copies live under their own prefixes. */
export const INCOMING_PREFIX = 'incoming/';
export const PHOTOS_PREFIX = 'photos/';
const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/heic'];
/** A presigned URL is valid at least this long, whatever the clock says (S3 refuses an expiry of 0). */
const MIN_SECONDS = 60;

const missing = (error: unknown) => error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Photos in the stage's private bucket. The browser PUTs the raw photo with a presigned URL whose signature
 * covers its Content-Type and Content-Length, so S3 refuses any other type or size; the server then reads
 * it, deletes it, and writes the clean copy. The S3 client must be built with requestChecksumCalculation
 * 'WHEN_REQUIRED' (s3Client.ts), or the presigned URL would carry the checksum of an empty body.
 */
export class S3PhotoStore implements PhotoStore {
  constructor(private readonly s3: S3Client, private readonly bucket: string) {}

  async uploadTarget(uploadKey: string, bounds: { contentType: string; bytes: number; expiresAt: Date }): Promise<UploadTarget> {
    const expiresIn = Math.max(MIN_SECONDS, Math.round((bounds.expiresAt.getTime() - Date.now()) / 1000));
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: `${INCOMING_PREFIX}${uploadKey}`, ContentType: bounds.contentType, ContentLength: bounds.bytes });
    const url = await getSignedUrl(this.s3, command, { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
    return { method: 'PUT', url, headers: { 'Content-Type': bounds.contentType }, expiresAt: bounds.expiresAt.toISOString() };
  }

  async takeUpload(uploadKey: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { tooLarge: number } | undefined> {
    const Key = `${INCOMING_PREFIX}${uploadKey}`;
    let taken: { bytes: Uint8Array } | { tooLarge: number };
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      const size = object.ContentLength ?? 0;
      if (size > maxBytes) {
        (object.Body as { destroy?: () => void } | undefined)?.destroy?.();
        taken = { tooLarge: size };
      } else {
        taken = { bytes: (await object.Body?.transformToByteArray()) ?? new Uint8Array() };
      }
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    return taken;
  }

  async put(key: string, bytes: Uint8Array, contentType: ImageType): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: `${PHOTOS_PREFIX}${key}`, Body: bytes, ContentType: contentType }));
  }

  async get(key: string): Promise<{ bytes: Uint8Array; contentType: ImageType } | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: `${PHOTOS_PREFIX}${key}` }));
      const contentType = object.ContentType ?? '';
      if (!IMAGE_TYPES.includes(contentType)) throw new Error(`photo ${key} is stored as ${contentType || 'no type'}, not a photo type`);
      return { bytes: (await object.Body?.transformToByteArray()) ?? new Uint8Array(), contentType: contentType as ImageType };
    } catch (error) {
      if (missing(error)) return undefined;
      throw error;
    }
  }
}
