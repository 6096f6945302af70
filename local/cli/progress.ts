import ora from 'ora';

/**
 * Runs work with a spinner on stderr, shown only when it takes longer than a second (and stderr is a
 * terminal), so scripts reading stdout see nothing of it.
 */
export async function withProgress<T>(text: string, work: Promise<T>, delayMs = 1000): Promise<T> {
  const spinner = ora({ text, stream: process.stderr });
  const timer = setTimeout(() => spinner.start(), delayMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    if (spinner.isSpinning) spinner.stop();
  }
}
