/** An error the CLI reports as one line on stderr (no stack trace) with a meaningful exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1: bad input or failed operation; 2: usage; 3: not reachable; 4: refused (auth); 5: conflict; 6: not found. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
