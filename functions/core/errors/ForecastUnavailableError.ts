/** A provider could not be reached or refused the request (timeout, HTTP error, error body). */
export class ForecastUnavailableError extends Error {
  constructor(
    readonly provider: string,
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`${provider}: ${reason}`);
    this.name = 'ForecastUnavailableError';
  }
}
