/**
 * LibreOffice, as the tests and scripts run it: headless, with a profile of its own.
 * With the default profile, two soffice processes at once (two test files, or a developer's open
 * LibreOffice) collide on its lock and the second fails with no message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// One profile per test file (each runs in a worker of its own), made on first use, outside the output folders.
let profile: string | undefined;

/** Converts `files` into `outDir` (e.g. to 'pdf' or 'docx:MS Word 2007 XML'); `options` go before --convert-to. */
export function sofficeConvert(files: string[], outDir: string, to: string, options: string[] = []): void {
  profile ??= pathToFileURL(join(mkdtempSync(join(tmpdir(), 'soffice-profile-')), 'profile')).href;
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=${profile}`, ...options, '--convert-to', to, '--outdir', outDir, ...files],
    {
      stdio: 'ignore',
      timeout: 240_000,
    },
  );
}
