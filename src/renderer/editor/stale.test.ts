import { describe, expect, it } from 'vitest';
import { checkReport } from '../../core/checks/index';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { toPlainText } from '../../core/model/plainText';
import type { ReportDocument } from '../../core/model/report';
import { defaultRegistry } from '../../core/templates/registry';
import { findMatches } from './find';
import { findingNow, matchNow } from './stale';

function report(measures: string[], unit = '柳溪乡'): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit, year: 2025 });
  const section = doc.sections.find((s) => s.part === 'measures')!;
  section.blocks = measures.map((text) => ({ kind: 'paragraph' as const, text }));
  return doc;
}

const phone = '13812345678';

describe('the finding clicked, in the text as it is now', () => {
  const before = report([`群众可拨打${phone}咨询。`, '已完成。']);
  const old = checkReport(before).findings.find((f) => f.start !== null && f.message.includes(phone))!;

  it('follows its words when text was typed before them, and stays when typed after them', () => {
    expect(old).toBeDefined();
    for (const [text, shift] of [
      [`另外，群众可拨打${phone}咨询。`, 3],
      [`群众可拨打${phone}咨询，也可来信。`, 0],
    ] as const) {
      const after = report([text, '已完成。']);
      const fresh = checkReport(after).findings;
      const now = findingNow(old, toPlainText(before).text, fresh, toPlainText(after).text);
      expect(now?.start).toBe(old.start! + shift);
      expect(toPlainText(after).text.slice(now!.start!, now!.end!)).toBe(phone);
    }
  });

  it('is gone when the edit changed its words', () => {
    const after = report([`群众可拨打${phone.slice(0, 5)}咨询。`, '已完成。']);
    const fresh = checkReport(after).findings;
    expect(findingNow(old, toPlainText(before).text, fresh, toPlainText(after).text)).toBeNull();
  });
});

describe('替换 on a match found before the last edit', () => {
  const before = toPlainText(report(['全镇开展普法宣传，普法宣传进村居。', '继续开展普法宣传。'], '石岭镇'));
  const matches = findMatches(before, '普法宣传');

  it('replaces the same match where it is now when text was typed elsewhere', () => {
    const now = toPlainText(report(['今年全镇开展普法宣传，普法宣传进村居。', '继续开展普法宣传。'], '石岭镇'));
    const got = matchNow(matches[1]!, before, now, '普法宣传', null);
    expect(got).toEqual({ replace: expect.objectContaining({ start: matches[1]!.start + 2 }) });
  });

  it('shows the next match, replacing nothing, when the match itself was just replaced', () => {
    // The first 替换 of a double click: 普法宣传 → 法治宣传教育 at the first match; the second click comes
    // before the matches are found again.
    const first = matches[0]!;
    const now = toPlainText(report(['全镇开展法治宣传教育，普法宣传进村居。', '继续开展普法宣传。'], '石岭镇'));
    const got = matchNow(first, before, now, '普法宣传', first.start + '法治宣传教育'.length);
    expect(got).toEqual({ show: expect.objectContaining({ start: matches[1]!.start + 2 }) });
    expect('replace' in got).toBe(false);
  });

  it('shows nothing when no match is left', () => {
    const now = toPlainText(report(['全镇开展法治宣传。', '继续开展法治宣传。'], '石岭镇'));
    expect(matchNow(matches[2]!, before, now, '普法宣传', null)).toEqual({ show: null });
  });
});
