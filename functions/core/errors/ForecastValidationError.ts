/** A provider answered, but with data that cannot be trusted; `where` points at the bad part. */
export class ForecastValidationError extends Error {
  constructor(
    readonly provider: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${provider}: ${where}: ${reason}`);
    this.name = 'ForecastValidationError';
  }
}
