import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { importFile } from './index';

const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));

/** Texts of ours, saved by Python in Big5 and in GB18030. */
const BIG5 = hex(
  'a6cba473c2edc3f6a9f332303235a67eabd7aa6baa76ac46a9b2abd8b35db1a1aa70aabab3f8a7690aa440a142a544ad6ec17cb1b9a94da6a8aec40aa5fea67eb67dae69aa6baa76abc5b6c7aca1b0ca3132a6b8a141bdd5b8d1aac8afc93430a5f3a1430a',
);
const GB = hex(
  'c7e0caafd5f2b9d8d3da32303235c4eab6c8b7a8d6ced5feb8aebda8c9e8c7e9bff6b5c4b1a8b8e60ad2bba1a2d6f7d2aabed9b4ebbacdb3c9d0a70ac8abc4eabfaad5b9b7a8d6ced0fbb4abbbeeb6af3132b4cea3acb5f7bde2bec0b7d73430bcfea1a30a',
);

describe('legacy Chinese encodings', () => {
  it('tells Big5 from GB18030 by what the text reads as', () => {
    const big5 = decodeText(BIG5);
    expect(big5.ok && big5.encoding).toBe('big5');
    expect(big5.ok && big5.text).toContain('竹山鎮關於2025年度法治政府建設情況的報告');
    const gb = decodeText(GB);
    expect(gb.ok && gb.encoding).toBe('gb18030');
    expect(gb.ok && gb.text).toContain('青石镇关于2025年度法治政府建设情况的报告');
  });

  it('imports a Big5 report and says it was read as Big5', async () => {
    const result = await importFile('舊報告.txt', BIG5);
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.meta.year).toBe(2025);
    expect(result.doc.sections.some((s) => s.heading === '一、主要舉措和成效')).toBe(true);
    expect(result.warnings[0]).toContain('Big5');
  });
});
