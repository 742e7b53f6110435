import { describe, expect, it } from 'vitest';
import { bodyParagraphs } from '../export/paragraphs';
import { layoutLines } from '../export/paginate';
import { toWebText } from '../export/webText';
import { createReportFromTemplate } from '../model/fromTemplate';
import { tableBlock, type Block, type ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { bareSubheadings, printedBlocks } from './emptyHeadings';
import { checkReport } from './index';

const sub = (level: 2 | 3 | 4, text: string): Block => ({ kind: 'subheading', level, text });
const para = (text: string): Block => ({ kind: 'paragraph', text });

function township(): ReportDocument {
  return createReportFromTemplate(defaultRegistry.get('township')!, { unit: '红岩乡', year: 2025 });
}

function extraReport(blocks: Block[]): ReportDocument {
  const doc = township();
  doc.sections.push({ key: 'x1', part: null, heading: '六、其他工作', blocks });
  return doc;
}

describe('bare sub-headings', () => {
  it('finds headings with nothing under them, at every level, and not those with text below or run in', () => {
    const blocks = [
      sub(2, '（一）强化组织保障'),
      para('成立领导小组，召开专题会议4次。'),
      sub(2, '（二）规范执法行为'),
      sub(3, '1.落实三项制度'),
      para('公示执法信息56条。'),
      sub(3, '2.开展案卷评查'),
      para('  '),
      sub(2, '（三）化解矛盾纠纷。调处纠纷47件。'),
      sub(2, '（四）推进普法宣传'),
      sub(4, '（1）宣传周活动'),
    ];
    expect(bareSubheadings(blocks)).toEqual([false, false, false, false, false, true, false, false, true, true]);
    expect(printedBlocks(blocks).map((b) => b.text)).toEqual([
      '（一）强化组织保障',
      '成立领导小组，召开专题会议4次。',
      '（二）规范执法行为',
      '1.落实三项制度',
      '公示执法信息56条。',
      '  ',
      '（三）化解矛盾纠纷。调处纠纷47件。',
    ]);
  });

  it('a sub-heading whose only text sits under a deeper sub-heading is not bare', () => {
    expect(bareSubheadings([sub(2, '（一）依法决策'), sub(3, '1.合法性审查'), para('审查文件9件。')])).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('flags the template’s unfilled sub-headings as errors once the part has text, and keeps the report from being ready', () => {
    const doc = township();
    const measures = doc.sections.find((s) => s.part === 'measures')!;
    measures.blocks[1] = para('调整机构职能，厘清权责清单。');
    measures.blocks[3] = para('出台规范性文件管理办法。');
    for (const s of doc.sections)
      if (s.part !== 'measures' && s.heading) s.blocks = [para('本部分已按要求填写完毕，相关工作均有记录。')];
    const result = checkReport(doc);
    const empty = result.findings.filter((f) => f.rule === 'section.empty-subheading');
    expect(empty).toHaveLength(7);
    expect(empty.every((f) => f.severity === 'error')).toBe(true);
    expect(result.ready).toBe(false);
    expect(empty[0]!.message).toContain('（三）健全行政决策制度体系');
  });

  it('a fresh part with no text at all is one section.empty, not one finding per heading', () => {
    const findings = checkReport(township()).findings;
    expect(findings.filter((f) => f.rule === 'section.empty-subheading')).toEqual([]);
  });

  it('the clerk’s own bare sub-heading only warns', () => {
    const doc = extraReport([sub(2, '（一）安全生产执法'), para('检查企业32家。'), sub(2, '（二）河长制落实')]);
    const found = checkReport(doc).findings.filter((f) => f.rule === 'section.empty-subheading');
    expect(found.map((f) => [f.severity, f.section])).toEqual([['warning', null]]);
  });

  it('no export prints a bare sub-heading: Word, preview pages and web text', () => {
    const doc = extraReport([
      sub(2, '（一）安全生产执法'),
      para('检查企业32家。'),
      sub(2, '（二）河长制落实'),
      para(''),
    ]);
    const xml = bodyParagraphs(doc, {
      fontProfile: 'windows',
      boldLevel3: false,
      includeAddressee: true,
      sealed: false,
    }).join('');
    expect(xml).toContain('（一）安全生产执法');
    expect(xml).not.toContain('河长制落实');
    const preview = layoutLines(doc)
      .map((l) => l.runs.map((r) => r.text).join(''))
      .join('\n');
    expect(preview).toContain('检查企业32家。');
    expect(preview).not.toContain('河长制落实');
    expect(toWebText(doc)).not.toContain('河长制落实');
  });
});

describe('the fix of an empty sub-heading', () => {
  it('removes the heading and the blank paragraphs under it, not a deeper heading nor text', () => {
    const doc = extraReport([
      sub(2, '（一）强化组织保障'),
      para('成立领导小组，召开专题会议4次。'),
      sub(2, '（二）规范执法行为'),
      para(''),
      para(' '),
      sub(3, '1.落实三项制度'),
      sub(2, '（三）推进普法宣传'),
      para(''),
    ]);
    const fixes = checkReport(doc)
      .findings.filter((f) => f.rule === 'section.empty-subheading' && f.section === null)
      .map((f) => [f.fix?.label, f.fix?.removeBlocks]);
    expect(fixes).toEqual([
      ['删除这个空小标题', 3],
      ['删除这个空小标题', 1],
      ['删除这个空小标题', 2],
    ]);
  });
});

describe('blank tables', () => {
  const blank = tableBlock([
    ['', '', ''],
    ['', ' ', ''],
  ]);
  const filled = tableBlock([
    ['项目', '件数'],
    ['行政复议案件', '2'],
  ]);

  it('a table with every cell blank is one warning with the fix that deletes it; a filled one none', () => {
    const doc = extraReport([para('全年调处纠纷47件。'), blank, filled]);
    const found = checkReport(doc).findings.filter((f) => f.rule === 'table.empty');
    expect(found.map((f) => [f.severity, f.fix?.label, f.fix?.removeBlocks])).toEqual([
      ['warning', '删除这个空表格', 1],
    ]);
  });

  it('is neither printed, previewed nor published, and is no text under a sub-heading', () => {
    const doc = extraReport([sub(2, '（一）数据统计'), blank, sub(2, '（二）案件办理'), filled]);
    expect(printedBlocks(doc.sections.at(-1)!.blocks)).toEqual([sub(2, '（二）案件办理'), filled]);
    const docx = bodyParagraphs(doc, {
      fontProfile: 'windows',
      boldLevel3: false,
      includeAddressee: true,
      sealed: false,
    }).join('');
    expect(docx.match(/<w:tbl>/g)).toHaveLength(1);
    expect(docx).not.toContain('数据统计');
    const preview = layoutLines(doc)
      .map((l) => l.runs.map((r) => r.text).join(''))
      .join('\n');
    expect(preview).not.toContain('数据统计');
    expect(toWebText(doc)).not.toContain('数据统计');
  });
});
