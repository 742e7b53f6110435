/**
 * README.md is the project's documentation of the command line and of the county's profile
 * (shared/spec/cli.md and checks.md predate --profile, review's options and profile format 2). These tests
 * keep it from drifting: the help it quotes is the help the CLI prints, its table of options lists exactly
 * what each command accepts, its profile examples are read by the app's own parser, and every rule a county
 * may set is named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS, USAGE } from '../src/cli/main';
import { RULE_IDS, RULES } from '../src/core/checks/catalogue';
import { parseProfile } from '../src/core/profile/schema';
import { runCli } from './support/cli';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const cliSection = readme.slice(
  readme.indexOf('## Command line'),
  readme.indexOf('\n## ', readme.indexOf('## Command line') + 1),
);
const commands = Object.keys(COMMAND_OPTIONS) as Array<keyof typeof COMMAND_OPTIONS>;

/** The README table's row of a command: the options it names (each written in backticks, maybe with its value). */
function documentedOptions(command: string): string[] {
  const row = cliSection.split('\n').find((line) => line.startsWith(`| \`${command}\` |`));
  if (!row) return [];
  return [...row.matchAll(/`(-{1,2}[a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
}

/** Whether the command refuses the option as unknown (given as name=value, which works for every option). */
async function refuses(command: string, option: string): Promise<boolean> {
  const { err } = await runCli([command, `${option}=1`]);
  return err.includes('不认识的参数');
}

describe('README: the command line', () => {
  it('quotes the help exactly as `--help` prints it, which is also what each command’s --help prints', async () => {
    expect(cliSection).toContain('```text\n' + USAGE + '\n```');
    expect((await runCli(['--help'])).out).toBe(USAGE);
    for (const command of commands) expect((await runCli([command, '--help'])).out, command).toBe(USAGE);
  });

  it('names in its table every option each command accepts, and no option a command refuses', async () => {
    for (const command of commands) {
      const documented = documentedOptions(command);
      const accepted: string[] = [...COMMAND_OPTIONS[command]];
      if (accepted.includes('-o')) accepted.push('--out');
      expect(
        accepted.filter((option) => !documented.includes(option)),
        `${command}: options missing from the README`,
      ).toEqual([]);
      for (const option of documented) expect(await refuses(command, option), `${command} ${option}`).toBe(false);
    }
    // The probe can tell: a made-up option, and one of another command, are refused.
    expect(await refuses('check', '--no-such-option')).toBe(true);
    expect(await refuses('check', '--sealed')).toBe(true);
  });

  it('shows a county profile that the app’s own reader accepts, in format 2 with 时间表 and 数据项', () => {
    const examples = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const parsed = parseProfile(example, 'README 的示例');
      expect(parsed.ok ? parsed.profile.version : parsed.error).toBe(2);
    }
    const short = [...cliSection.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(short).toHaveLength(1);
    const parsed = parseProfile(short[0]!);
    expect(parsed.ok && parsed.profile.indicators?.length).toBeGreaterThan(0);
    expect(parsed.ok && parsed.profile.calendar).toBeTruthy();
  });

  it('names every rule a county may set in 规则级别 or 关闭规则, with its title', () => {
    expect(RULE_IDS.filter((id) => !readme.includes(`\`${id}\` ${RULES[id].title}`))).toEqual([]);
  });
});
