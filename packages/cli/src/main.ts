import { readFileSync } from 'node:fs';
import { CliError, EXIT, exitCodeOf, formatError } from './errors.js';
import { ENGINE_OPTIONS, engineArgs, parse } from './args.js';

const USAGE = `kindling — Spark's programming model on Node.js

Usage:
  kindling sql [options] "SELECT ..."     run SQL over files (kindling sql --help)
  kindling sql [options] -f script.sql    run a file of statements separated by ;
  kindling shell [options]                notebook-style shell (TypeScript/JavaScript and %sql cells)
  kindling run [options] script.ts [args] run a TypeScript or JavaScript file with the engine available
  kindling --version

Options of every command:
  --master local[N]      where tasks run: local (inline), local[N] (N worker threads), local[*] (default)
  --conf key=value       a session setting, e.g. --conf spark.sql.shuffle.partitions=8
  --no-progress          no progress bar (also --conf spark.ui.showConsoleProgress=false)
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `kindling ${pkg.version} (node ${process.version})`;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case '--version':
      case '-v':
      case 'version':
        process.stdout.write(version() + '\n');
        return EXIT.ok;
      case 'sql': {
        const { sqlCommand } = await import('./sql/command.js');
        return await sqlCommand(rest);
      }
      case 'shell': {
        const { values, positionals } = parse('shell', rest, ENGINE_OPTIONS);
        if (values.help) {
          process.stdout.write('Usage: kindling shell [--master local[N]] [--conf k=v] [--no-progress]\nType :help inside the shell.\n');
          return EXIT.ok;
        }
        if (positionals.length) throw new CliError('INVALID_ARGUMENT', `kindling shell takes no arguments (got '${positionals[0]}'). To run a file: kindling run ${positionals[0]}`);
        const { startShell } = await import('./shell/shell.js');
        return await startShell({ engine: engineArgs(values) });
      }
      case 'run': {
        const { runCommand } = await import('./run/command.js');
        return await runCommand(rest);
      }
      default:
        throw new CliError('UNKNOWN_COMMAND', `Unknown command '${command}'. Commands: sql, shell, run. See 'kindling --help'.`);
    }
  } catch (e) {
    process.stderr.write(formatError(e) + '\n');
    return exitCodeOf(e);
  }
}
