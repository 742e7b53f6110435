import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { toPlainText } from '../model/plainText';
import type { Block } from '../model/report';
import { checkReport } from './index';

function report() {
  return createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
}

describe('structure checks', () => {
  it('a fresh report has every required part empty, and is not ready', () => {
    const result = checkReport(report());
    expect(result.findings.filter((f) => f.rule === 'section.empty').map((f) => f.section)).toEqual([
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
    expect(result.ready).toBe(false);
  });

  it('a removed part is reported missing, with the wording to add', () => {
    const doc = report();
    doc.sections = doc.sections.filter((s) => s.part !== 'leadership');
    const missing = checkReport(doc).findings.find((f) => f.rule === 'section.missing')!;
    expect(missing.section).toBe('leadership');
    expect(missing.severity).toBe('error');
    expect(missing.message).toContain('第一责任人');
    expect(missing.start).toBeNull();
  });

  it('points an empty part at its heading in the plain text', () => {
    const doc = report();
    const empty = checkReport(doc).findings.find((f) => f.section === 'plans')!;
    expect(empty.start).not.toBeNull();
  });

  it('"无" is enough for 其他需要报告的情况, and a dismissed finding moves to ignored', () => {
    const doc = report();
    doc.sections.find((s) => s.part === 'other')!.blocks = [{ kind: 'paragraph', text: '无。' }];
    const empty = (r: ReturnType<typeof checkReport>['findings']) =>
      r.filter((f) => f.rule === 'section.empty').map((f) => f.section);
    doc.ignoredFindings = [
      checkReport(doc).findings.find((f) => f.rule === 'section.empty' && f.section === 'measures')!.fingerprint,
    ];
    const result = checkReport(doc);
    expect(empty(result.findings)).not.toContain('other');
    expect(empty(result.findings)).not.toContain('measures');
    expect(empty(result.ignored)).toEqual(['measures']);
  });
});

describe('year.missing', () => {
  it('an annual report that names no year is not ready; a 述职 without a year is only advised', () => {
    const annual = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: null });
    expect(checkReport(annual).findings.find((f) => f.rule === 'year.missing')).toMatchObject({ severity: 'error' });
    expect(checkReport(annual).ready).toBe(false);
    expect(checkReport(annual, { year: 2025 }).findings.find((f) => f.rule === 'year.missing')).toBeUndefined();
    const duty = createReportFromTemplate(defaultRegistry.get('duty')!, { unit: '青石镇', year: null });
    expect(checkReport(duty).findings.find((f) => f.rule === 'year.missing')).toMatchObject({ severity: 'warning' });
  });
});

describe('heading.sequence speaks the clerk’s numbers (issue #14)', () => {
  const sequence = (blocks: Block[], part = 'measures') => {
    const doc = report();
    const section = doc.sections.find((s) => s.part === part)!;
    section.blocks = blocks;
    const result = checkReport(doc);
    const text = (f: { start: number | null; end: number | null }) => {
      const lines = toPlainText(doc).lines;
      const line = lines.find((l) => f.start !== null && f.start >= l.start && f.start < l.start + l.text.length);
      return line ? { kind: line.kind, text: line.text } : null;
    };
    return result.findings
      .filter((f) => f.rule === 'heading.sequence')
      .map((f) => ({ message: f.message, at: text(f) }));
  };
  const sub = (text: string): Block => ({ kind: 'subheading', level: 2, text });
  const para = (text: string): Block => ({ kind: 'paragraph', text });

  it('a first number that is not the first says which one is missing, never "第 0 项"', () => {
    const [f] = sequence([sub('（二）规范执法'), para('全年办理执法案件12件。')]);
    expect(f!.message).toContain('“（二）”前面没有“（一）”');
    expect(f!.message).not.toContain('第 0 项');
    const [g] = sequence([para('2.完善制度。制定管理办法一项。')]);
    expect(g!.message).toContain('前面没有“1.”');
  });

  it('a gap names the numbers around it in their own form', () => {
    const [f] = sequence([sub('（一）健全制度'), para('制定制度3项。'), sub('（四）规范执法'), para('办理案件5件。')]);
    expect(f!.message).toContain('从“（一）”跳到了“（四）”，中间缺了“（二）”');
    const [g] = sequence([para('1.学法。集体学法4次。'), para('1.培训。培训3场次。')]);
    expect(g!.message).toContain('这里应为“2.”');
  });

  it('paragraphs pasted with part-heading numbers are flagged where they are, not at the app’s part headings', () => {
    const found = sequence([
      para('开展法治宣传，发放资料500份。'),
      para('三、深化普法宣传。组织活动8场次。'),
      para('四、强化执法监督。评查案卷20卷。'),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.at).toEqual({ kind: 'paragraph', text: '三、深化普法宣传。组织活动8场次。' });
    expect(found[0]!.message).toContain('像是粘贴进来的标题');
    // The part headings that follow (二、三、…, the app's own) draw nothing.
    expect(found.some((f) => f.at?.kind === 'heading')).toBe(false);
  });
});

describe('findings name a part as the clerk’s report names it (issue #14)', () => {
  it.each([
    ['七、存在的问题', '存在的问题'],
    ['三、工作中的短板和不足：', '工作中的短板和不足'],
  ])('heading %s', (heading, name) => {
    const doc = report();
    const part = doc.sections.find((s) => s.part === 'shortcomings')!;
    part.heading = heading;
    part.blocks = [{ kind: 'paragraph', text: '基层执法力量薄弱，普法形式单一。' }];
    const messages = checkReport(doc)
      .findings.filter((f) => f.section === 'shortcomings')
      .map((f) => f.message);
    expect(messages.some((m) => m.includes(`“${name}”部分`))).toBe(true);
    expect(messages.join('')).not.toContain('存在的不足和原因');
  });
});
