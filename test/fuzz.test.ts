/**
 * Fuzzing the doors: thousands of random and mutated inputs to every parser and handler that takes
 * something from outside — project files, .docx, .txt, IPC payloads. Each must be accepted or refused
 * with a Chinese message; none may throw or hang. Seeded, so a failure reproduces. Besides byte noise
 * (which mostly stops at the first gate, JSON or the schema), structure-aware cases keep the input valid
 * JSON / a valid payload and change one field — wrong type, missing, huge, deeply nested — so the checks
 * behind the first gate are reached too; hostile files (zip bombs, deep JSON, huge strings) must stay
 * within a memory bound. Their time is measured in `npm run stress`, not asserted here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/core/import/index';
import { parseReportFile, serializeReport } from '../src/core/model/file';
import { createReportFromTemplate } from '../src/core/model/fromTemplate';
import { defaultRegistry } from '../src/core/templates/registry';
import { checkReport } from '../src/core/checks/index';
import { createHandlers } from '../src/main/handlers';
import { registerIpc, type SenderEvent } from '../src/main/ipc';
import { ipcMap } from '../src/shared/ipc';
import { importBounded } from '../src/node/import';
import { docxBomb } from '../src/node/zipFixtures';

/** mulberry32: small, fast, seeded. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const out = new Uint8Array(bytes);
  const kind = rand();
  if (kind < 0.4)
    for (let i = 0; i < 1 + rand() * 20; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
  else if (kind < 0.7) return out.subarray(0, Math.floor(rand() * out.length));
  else {
    const start = Math.floor(rand() * out.length);
    out.copyWithin(start, Math.floor(rand() * out.length));
  }
  return out;
}

const refusedOrAccepted = (result: { ok: boolean; error?: string }) => {
  if (!result.ok) expect(result.error).toMatch(/[\u4e00-\u9fa5]/);
};

const sample = () => {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '青石镇',
    year: 2025,
    date: '2026年1月15日',
  });
  doc.sections[1]!.blocks = [
    { kind: 'paragraph', text: '排查矛盾纠纷120件，化解118件，化解率98.3%。联系电话13912345678。' },
  ];
  return doc;
};

describe('fuzzing the doors', () => {
  it('project files: 2,000 mutated .nianbao texts are opened or refused, never thrown', () => {
    const rand = random(1);
    const text = serializeReport(sample());
    for (let i = 0; i < 2000; i++) {
      const mutated = new TextDecoder().decode(mutate(new TextEncoder().encode(text), rand));
      const result = parseReportFile(mutated);
      refusedOrAccepted(result);
      if (result.ok) checkReport(result.doc);
    }
  });

  it('.txt: 1,500 random and mutated byte strings import or are refused, and what imports can be checked', async () => {
    const rand = random(2);
    const base = new TextEncoder().encode(
      '青石镇关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n排查矛盾纠纷120件。\n二、存在的不足和原因\n原因。\n青石镇人民政府\n2026年1月15日',
    );
    for (let i = 0; i < 1500; i++) {
      const bytes =
        i % 3 === 0
          ? Uint8Array.from({ length: Math.floor(rand() * 400) }, () => Math.floor(rand() * 256))
          : mutate(base, rand);
      const result = await importFile(`f${i}.txt`, bytes);
      refusedOrAccepted(result);
      if (result.ok) checkReport(result.doc);
    }
  });

  it('.docx: 300 mutated Word files import or are refused with a message', async () => {
    const rand = random(3);
    const docx = new Uint8Array(
      await Packer.toArrayBuffer(
        new Document({
          sections: [
            {
              children: ['青石镇2025年度法治政府建设情况报告', '一、主要举措和成效', '正文。'].map(
                (t) => new Paragraph(t),
              ),
            },
          ],
        }),
      ),
    );
    for (let i = 0; i < 300; i++) {
      const result = await importFile('f.docx', mutate(docx, rand));
      refusedOrAccepted(result);
    }
  }, 60_000);

  it('IPC: 3,000 random payloads on every channel are answered with data, never an exception', async () => {
    const rand = random(4);
    const listeners = registeredChannels(mkdtempSync(join(tmpdir(), 'fuzz-')));
    const doc = sample();
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1,
      1e308,
      '',
      '../../etc/passwd',
      'x'.repeat(10_000),
      [],
      {},
      true,
      { id: 'a', name: 'b' },
      doc,
      { ...doc, version: 99 },
      { ...doc, sections: 'no' },
    ];
    const pick = () => values[Math.floor(rand() * values.length)];
    const channels = Object.keys(ipcMap);
    for (let i = 0; i < 3000; i++) {
      const channel = channels[Math.floor(rand() * channels.length)]!;
      const payload =
        rand() < 0.5 ? pick() : { doc: pick(), file: pick(), suggestedName: pick(), options: pick(), dirty: pick() };
      const answer = (await listeners.get(channel)!({ senderFrame: { url: 'x' } }, payload)) as {
        ok: boolean;
        error?: string;
      };
      expect(typeof answer.ok).toBe('boolean');
      refusedOrAccepted(answer);
    }
  }, 60_000);

  it('project files: 600 structure-aware mutations (valid JSON, one field wrong) get past the JSON gate and are answered', () => {
    const rand = random(5);
    const base = JSON.parse(serializeReport(sample())) as unknown;
    let pastJson = 0;
    let pastFormat = 0;
    for (let i = 0; i < 600; i++) {
      // Deep nesting is spliced in as text: JSON.stringify itself would recurse through it.
      const text = JSON.stringify(mutateStructure(structuredClone(base), rand)).replace(
        '"__DEEP__"',
        '['.repeat(20_000) + ']'.repeat(20_000),
      );
      const result = parseReportFile(text);
      refusedOrAccepted(result);
      if (result.ok || !/无法读取其内容/.test(result.error)) pastJson++;
      if (result.ok || !/无法读取其内容|不是本软件保存|版本信息已损坏/.test(result.error)) pastFormat++;
      if (result.ok) {
        checkReport(result.doc);
        expect(parseReportFile(serializeReport(result.doc)).ok).toBe(true);
      }
    }
    expect(pastJson).toBe(600);
    expect(pastFormat).toBeGreaterThan(480);
  }, 120_000);

  it('IPC: 700 valid payloads with one field changed reach the handlers, which answer with data', async () => {
    const rand = random(6);
    const userDataDir = mkdtempSync(join(tmpdir(), 'fuzz-'));
    const listeners = registeredChannels(userDataDir);
    const doc = sample();
    const file = { id: '00000000-0000-4000-8000-000000000000', name: '青石镇.nianbao' };
    const row = {
      file: 'a.docx',
      unit: '青石镇',
      year: 2025,
      template: '乡镇',
      missing: [],
      errors: 0,
      warnings: 1,
      ready: true,
    };
    const valid: Record<string, unknown> = {
      'report:open': {},
      'report:import': {},
      'report:reimport': { templateId: 'township' },
      'templates:list': {},
      'journal:pending': {},
      'review:chooseFolder': {},
      'review:chooseLastYear': {},
      'history:startUntitled': {},
      'profile:get': {},
      'profile:import': {},
      'profile:remove': {},
      'report:save': { doc, file: null, suggestedName: '报告' },
      'report:saveAs': { doc, suggestedName: '报告' },
      'report:exportDocx': {
        doc,
        options: { fontProfile: 'windows', boldLevel3: false, includeAddressee: true, sealed: false },
        suggestedName: '报告',
      },
      'report:exportPdf': { doc, suggestedName: '报告' },
      'report:exportWeb': { doc, format: 'txt', suggestedName: '报告' },
      'journal:write': { doc, file: null },
      'journal:discard': { id: 'abc123' },
      'history:snapshot': { doc, file: null },
      'history:list': { file },
      'review:exportTable': { rows: [row], suggestedName: '表' },
      'review:report': { file },
      'review:open': { file },
      'review:exportWorkbook': { files: [file], suggestedName: '汇总', lastYear: [file] },
      'review:writeComments': { files: [file], author: '县司法局审核' },
      'window:setDirty': { dirty: true },
      'recent:list': {},
      'window:print': { doc },
      'recent:add': { file },
      'recent:open': { file },
      'file:openDropped': { path: join(userDataDir, '拖入.docx') },
      'file:takeOsOpened': {},
      'window:edit': { action: 'copy' },
    };
    expect(Object.keys(valid).sort()).toEqual(Object.keys(ipcMap).sort());
    let validated = 0;
    const channels = Object.keys(valid);
    for (let i = 0; i < 700; i++) {
      const channel = channels[i % channels.length]!;
      const payload = mutateStructure(structuredClone(valid[channel]), rand);
      const answer = (await listeners.get(channel)!({ senderFrame: { url: 'x' } }, payload)) as {
        ok: boolean;
        error?: string;
      };
      expect(typeof answer.ok).toBe('boolean');
      refusedOrAccepted(answer);
      if (answer.ok || !/请求的数据格式不正确/.test(answer.error ?? '')) validated++;
    }
    expect(validated).toBeGreaterThan(200);
  }, 120_000);

  it('hostile files — zip bombs, deep JSON, huge strings, binary — are refused in Chinese within a memory bound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-hostile-'));
    const deep = '{"format":"nianbao-report","version":1,"sections":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    const huge = serializeReport(sample()).replace('排查矛盾纠纷', '排'.repeat(5_000_000));
    const cases: Array<[string, Uint8Array]> = [
      ['炸弹.docx', await docxBomb(300)],
      ['炸弹.txt', await docxBomb(100)],
      ['深.nianbao', new TextEncoder().encode(deep)],
      ['长.nianbao', new TextEncoder().encode(huge)],
      ['二进制.txt', Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 2654435761) >>> 24)],
    ];
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      for (const [name, bytes] of cases) {
        writeFileSync(join(dir, name), bytes);
        const result = await importBounded(name, bytes);
        refusedOrAccepted(result);
        if (name.includes('炸弹'))
          expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/解压后过大/) });
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    } finally {
      clearInterval(sampler);
    }
    // The bound for any input (the stress script prints the figure per kind, target < 300 MB).
    expect(peak).toBeLessThan(1024 * 1024 * 1024);
  }, 120_000);
});

/** Change one field somewhere in a JSON value: delete it, give it the wrong type, or make it huge or deep. */
function mutateStructure(value: unknown, rand: () => number): unknown {
  const containers: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 12 || node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      containers.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      walk((node as Record<string, unknown>)[key], depth + 1);
    }
  };
  walk(value, 0);
  if (containers.length === 0) return rand() < 0.5 ? value : { extra: 'x'.repeat(1000) };
  const { parent, key } = containers[Math.floor(rand() * containers.length)]!;
  const current = (parent as Record<string | number, unknown>)[key];
  const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = v);
  const op = rand();
  if (op < 0.15) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
  } else if (op < 0.45) {
    // Same type, other value: what a valid but unexpected file or payload carries.
    if (typeof current === 'string')
      set(['', ' ', '\u0000\uFFFE\uD800', '=1+1', '../../etc/passwd', '一'.repeat(50_000)][Math.floor(rand() * 6)]);
    else if (typeof current === 'number') set([0, -1, 1e308, 2025, 3000, 0.5][Math.floor(rand() * 6)]);
    else if (typeof current === 'boolean') set(!current);
    else if (Array.isArray(current)) set(rand() < 0.5 ? [] : [...current, ...current]);
    else set({});
  } else if (op < 0.7) {
    set([null, 0, '', [], {}, true, 'x'][Math.floor(rand() * 7)]);
  } else if (op < 0.85) {
    let deep: unknown = '__DEEP__';
    for (let i = 0; i < 1000; i++) deep = [deep];
    set(deep);
  } else {
    set('长'.repeat(300_000));
  }
  return value;
}

/** Every IPC channel as main registers it (sender check passing), over handlers whose dialogs are all cancelled. */
function registeredChannels(userDataDir: string) {
  const handlers = createHandlers({
    userDataDir,
    dialogs: {
      openReport: async () => null,
      saveReport: async () => null,
      importDocument: async () => null,
      exportDocx: async () => null,
      exportPdf: async () => null,
      exportWeb: async () => null,
      openFolder: async () => null,
      saveTable: async () => null,
    },
  });
  const listeners = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
  registerIpc({ handle: (c, l) => listeners.set(c, l) }, handlers, () => true);
  return listeners;
}
