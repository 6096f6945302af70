import { Command } from 'commander';

/** The root command; each file in ./commands adds one subcommand. */
export function createProgram(): Command {
  return new Command()
    .name('snowops')
    .description('snowops: emergency snow response. Acts on the local runtime by default, or a deployed API with --api URL --token T.')
    .showHelpAfterError()
    .exitOverride();
}
