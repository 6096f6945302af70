/** Something the caller named does not exist (an activation, a zone, a registry record). */
export class NotFoundError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
    message = `${kind} "${id}" does not exist`,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}
