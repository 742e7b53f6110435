/**
 * The lint boundaries hold: src/main and src/cli share src/node, src/core and src/shared but never import
 * each other or the page, and the page reaches main only through call() (src/renderer/api.ts).
 * Each case lints a made-up file at a path inside the project, with the project's own eslint.config.mjs.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
let eslint: ESLint;

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties')
    .map((m) => m.message);
}

describe('lint boundaries', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it('refuses src/main importing src/cli or src/renderer, at any depth', async () => {
    expect(
      await restricted('src/main/boundary.ts', "import { parseArgs } from '../cli/args';\nvoid parseArgs;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('src/main/handlers/boundary.ts', "import { run } from '../../cli/main';\nvoid run;\n"),
    ).toHaveLength(1);
    expect(
      await restricted('src/main/boundary.ts', "import { createCall } from '../renderer/api';\nvoid createCall;\n"),
    ).toHaveLength(1);
  });

  it('refuses src/cli importing src/main, src/renderer or Electron', async () => {
    expect(
      await restricted('src/cli/boundary.ts', "import { registerIpc } from '../main/ipc';\nvoid registerIpc;\n"),
    ).toHaveLength(1);
    expect(
      await restricted(
        'src/cli/boundary.ts',
        "import { createHandlers } from '../main/handlers/index';\nvoid createHandlers;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restricted('src/cli/boundary.ts', "import { createCall } from '../renderer/api';\nvoid createCall;\n"),
    ).toHaveLength(1);
    expect(await restricted('src/cli/boundary.ts', "import { app } from 'electron';\nvoid app;\n")).toHaveLength(1);
  });

  it('lets both use src/node, src/core and src/shared, and the CLI its own main.ts', async () => {
    const shared =
      "import { readFileBounded } from '../node/readFile';\nimport { AppError } from '../core/errors';\nimport { ipcMap } from '../shared/ipc';\nvoid readFileBounded; void AppError; void ipcMap;\n";
    expect(await restricted('src/main/boundary.ts', shared)).toEqual([]);
    expect(await restricted('src/cli/boundary.ts', shared)).toEqual([]);
    expect(await restricted('src/cli/boundary.ts', "import { run } from './main';\nvoid run;\n")).toEqual([]);
  });

  it('refuses window.nianbao in the page outside api.ts', async () => {
    expect(
      await restricted(
        'src/renderer/components/Boundary.tsx',
        'export const open = () => window.nianbao.openReport();\n',
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        'src/renderer/components/Boundary.tsx',
        "import { createCall } from '../api';\nexport const open = () => createCall(() => {})('openReport');\n",
      ),
    ).toEqual([]);
  });
});
