/** A config/<stage>.json that cannot be used; the message names the file and every bad field. */
export class DeployConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid deploy configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DeployConfigError';
  }
}
