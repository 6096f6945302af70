import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * An S3 client for presigning uploads: checksums only where S3 requires them, so a presigned PUT carries no
 * checksum of the (absent) body that the browser's upload would then fail.
 */
export function s3Client(config: S3ClientConfig = {}): S3Client {
  return new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...config });
}
