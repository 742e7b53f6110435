// Runs Electronegativity (Doyensec's Electron security linter) over src/, installed through npx into
// the npm cache rather than the app's dependencies, and fails on any HIGH or MEDIUM finding whose check
// id is not explained in .ci/electronegativity-allow.txt.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VERSION = '1.10.3';
const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const out = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv');
const electron = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

const run = spawnSync(
  'npx',
  ['--yes', `@doyensec/electronegativity@${VERSION}`, '-i', join(root, 'src'), '-o', out, '-r', '-e', electron],
  {
    encoding: 'utf8',
    timeout: 600_000,
  },
);
if (!existsSync(out)) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity: no report was written');
  process.exit(1);
}

const allowed = new Map(
  readFileSync(join(root, '.ci/electronegativity-allow.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [id, ...why] = line.split(' — ');
      return [id.trim(), why.join(' — ').trim()];
    }),
);

/** RFC 4180 enough for this report: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      rows.at(-1).push(field.trim());
      field = '';
      if (ch === '\n') rows.push([]);
    } else if (ch !== '\r') field += ch;
  }
  rows.at(-1).push(field.trim());
  return rows.filter((r) => r.length > 1 || r[0]);
}

const findings = parseCsv(readFileSync(out, 'utf8'))
  .slice(1)
  .map(([issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }));

let failed = 0;
for (const f of findings) {
  const serious = f.severity === 'HIGH' || f.severity === 'MEDIUM';
  const why = allowed.get(f.issue);
  const verdict = !serious ? 'low' : why ? 'allowed' : 'FAIL';
  if (verdict === 'FAIL') failed++;
  console.log(
    `${verdict.padEnd(8)} ${f.severity.padEnd(7)} ${f.issue} ${f.file}:${f.location}${why && serious ? ` — ${why}` : ''}`,
  );
}
console.log(
  `electronegativity ${VERSION}: ${findings.length} findings, ${failed} HIGH/MEDIUM not explained in .ci/electronegativity-allow.txt`,
);
process.exit(failed ? 1 : 0);
