/**
 * Fuzzing the doors: thousands of random and mutated inputs to every parser and handler that takes
 * something from outside — project files, .docx, .txt, IPC payloads. Each must be accepted or refused
 * with a Chinese message; none may throw or hang. Seeded, so a failure reproduces.
 */
import { mkdtempSync } from 'node:fs';
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
  if (kind < 0.4) for (let i = 0; i < 1 + rand() * 20; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
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
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025, date: '2026年1月15日' });
  doc.sections[1]!.blocks = [{ kind: 'paragraph', text: '排查矛盾纠纷120件，化解118件，化解率98.3%。联系电话13912345678。' }];
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
    const base = new TextEncoder().encode('青石镇关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n排查矛盾纠纷120件。\n二、存在的不足和原因\n原因。\n青石镇人民政府\n2026年1月15日');
    for (let i = 0; i < 1500; i++) {
      const bytes = i % 3 === 0 ? Uint8Array.from({ length: Math.floor(rand() * 400) }, () => Math.floor(rand() * 256)) : mutate(base, rand);
      const result = await importFile(`f${i}.txt`, bytes);
      refusedOrAccepted(result);
      if (result.ok) checkReport(result.doc);
    }
  });

  it('.docx: 300 mutated Word files import or are refused with a message', async () => {
    const rand = random(3);
    const docx = new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children: ['青石镇2025年度法治政府建设情况报告', '一、主要举措和成效', '正文。'].map((t) => new Paragraph(t)) }] })));
    for (let i = 0; i < 300; i++) {
      const result = await importFile('f.docx', mutate(docx, rand));
      refusedOrAccepted(result);
    }
  }, 60_000);

  it('IPC: 3,000 random payloads on every channel are answered with data, never an exception', async () => {
    const rand = random(4);
    const handlers = createHandlers({
      userDataDir: mkdtempSync(join(tmpdir(), 'fuzz-')),
      dialogs: { openReport: async () => null, saveReport: async () => null, importDocument: async () => null, exportDocx: async () => null, exportPdf: async () => null, exportWeb: async () => null, openFolder: async () => null, saveTable: async () => null },
    });
    const listeners = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
    registerIpc({ handle: (c, l) => listeners.set(c, l) }, handlers, () => true);
    const doc = sample();
    const values: unknown[] = [null, undefined, 0, -1, 1e308, '', '../../etc/passwd', 'x'.repeat(10_000), [], {}, true, { id: 'a', name: 'b' }, doc, { ...doc, version: 99 }, { ...doc, sections: 'no' }];
    const pick = () => values[Math.floor(rand() * values.length)];
    const channels = Object.keys(ipcMap);
    for (let i = 0; i < 3000; i++) {
      const channel = channels[Math.floor(rand() * channels.length)]!;
      const payload = rand() < 0.5 ? pick() : { doc: pick(), file: pick(), suggestedName: pick(), options: pick(), dirty: pick() };
      const answer = (await listeners.get(channel)!({ senderFrame: { url: 'x' } }, payload)) as { ok: boolean; error?: string };
      expect(typeof answer.ok).toBe('boolean');
      refusedOrAccepted(answer);
    }
  }, 60_000);
});
