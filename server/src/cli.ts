/** Command-line entry: `redshift-iam <command> ...` over the same language service the editor uses. */
import { check } from './cli/check';
import { generate } from './cli/generate';
import { USAGE, UsageError } from './cli/usage';

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return check(rest);
    if (command === 'generate') return generate(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`redshift-iam: ${error.message}`);
    console.error(USAGE);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
