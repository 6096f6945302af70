/** A file that is not a photo we take, or is broken: the message says which and where. */
export class ImageError extends Error {
  override readonly name = 'ImageError';
}
