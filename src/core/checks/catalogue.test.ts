import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRuleSettings, RULE_IDS, RULES, severityOf } from './catalogue';

const dir = join(__dirname);
const sources = readdirSync(dir)
  .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'catalogue.ts' && n !== 'proofTestKit.ts')
  .map((n) => ({ name: n, text: readFileSync(join(dir, n), 'utf8') }));

/** Rule ids a module can emit: the first argument of at(), directly or through a RULE constant. */
function emittedIds(text: string): string[] {
  const constants = new Map([...text.matchAll(/const (\w+) = '([a-z][a-z.-]*)';/g)].map((m) => [m[1]!, m[2]!]));
  const ids: string[] = [];
  for (const m of text.matchAll(/\bat\(\s*(?:'([a-z][a-z.-]*)'|(\w+))\s*,/g)) {
    const id = m[1] ?? constants.get(m[2]!);
    if (id) ids.push(id);
  }
  return ids;
}

describe('the rule catalogue', () => {
  it('lists every rule a module can emit, and no rule that none emits', () => {
    const emitted = new Set(sources.flatMap((s) => emittedIds(s.text)));
    expect(emitted.size).toBeGreaterThan(30);
    expect([...emitted].filter((id) => !RULE_IDS.includes(id as never))).toEqual([]);
    expect(RULE_IDS.filter((id) => !emitted.has(id))).toEqual([]);
  });

  it('is the one home of severities: no rule module writes a severity literal', () => {
    for (const { name, text } of sources) {
      if (name === 'types.ts' || name === 'wordLists.ts') continue;
      const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect(
        code.match(
          /\bat\([^,]+,\s*'(error|warning|info)'|severity = '(error|warning|info)'|\?\? '(error|warning|info)'/g,
        ),
        name,
      ).toBeNull();
    }
  });

  it('gives every rule a Chinese title, and every variant a severity', () => {
    for (const id of RULE_IDS) {
      expect(RULES[id].title).toMatch(/\p{Script=Han}/u);
      for (const v of Object.values(RULES[id].variants ?? {})) expect(['error', 'warning', 'info']).toContain(v);
    }
    expect(severityOf('indicator.mismatch')).toBe('error');
    expect(severityOf('indicator.mismatch', 'uncertain')).toBe('warning');
  });

  it('applies a county’s settings in one place: a rule off is silent, a changed severity replaces every level', () => {
    const findings = [
      { rule: 'section.thin', severity: 'warning' as const },
      { rule: 'punct.ellipsis', severity: 'info' as const },
      { rule: 'indicator.mismatch', severity: 'warning' as const },
      { rule: 'indicator.mismatch', severity: 'error' as const },
    ];
    const out = applyRuleSettings(findings, {
      severities: { 'section.thin': 'error', 'indicator.mismatch': 'info' },
      off: ['punct.ellipsis'],
    });
    expect(out).toEqual([
      { rule: 'section.thin', severity: 'error' },
      { rule: 'indicator.mismatch', severity: 'info' },
      { rule: 'indicator.mismatch', severity: 'info' },
    ]);
    expect(applyRuleSettings(findings, undefined)).toBe(findings);
  });
});

describe('the catalogue in the README', () => {
  it('lists every rule with its title, for the county that writes a profile', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    for (const id of RULE_IDS) expect(readme, id).toContain(`\`${id}\` ${RULES[id].title}`);
  });
});
