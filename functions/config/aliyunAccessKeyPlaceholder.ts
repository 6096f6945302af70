/**
 * The AccessKey id the stack's secret holds until the city puts its RAM user's AccessKey in (lib/messaging/
 * AliyunAccessKey.ts); a Lambda that reads it refuses to start, naming the secret (buildAliyunSender.ts).
 */
export const ACCESS_KEY_PLACEHOLDER = 'replace-with-the-RAM-user-AccessKey';
