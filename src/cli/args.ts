/** Argument parsing for the command line: small enough not to need a library, strict enough to say what is wrong. */

export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

/** Flags that take a value; every other flag is a switch. */
const VALUE_FLAGS = new Set([
  '-o',
  '--out',
  '--template',
  '--year',
  '--font-profile',
  '--templates-dir',
  '--format',
  '--date',
  '--last-year',
  '--comments',
  '--xlsx',
  '--author',
  '--profile',
]);

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (VALUE_FLAGS.has(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === '') throw new UsageError(`参数 ${name} 后面需要一个值。`);
        flags.set(name === '--out' ? '-o' : name, value);
      } else {
        flags.set(name, true);
      }
    } else {
      positional.push(arg);
    }
  }
  return { command, positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Reject flags a command does not know, so that a typo is not silently ignored. */
export function allowOnly(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`不认识的参数 ${name}。用 --help 查看用法。`);
  }
}

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year 应为四位年份，例如 2025，而不是“${value}”。`);
  return Number(value);
}
