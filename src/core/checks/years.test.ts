/** The era calendar, year by year: what a report on each year may and may not say. */
import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';
import { CalendarSchema, ERA_CALENDAR } from './years';

function eraRules(year: number, sentence: string, date = `${year + 1}年1月20日`): string[] {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year, date });
  doc.sections[1]!.blocks = [{ kind: 'paragraph', text: sentence }];
  return checkReport(doc)
    .findings.filter((f) => f.rule.startsWith('era.'))
    .map((f) => `${f.rule}:${f.severity}`);
}

it('the bundled era calendar, used as written, meets its schema (its note aside)', () => {
  expect(ERA_CALENDAR).toMatchObject(CalendarSchema.parse(structuredClone(ERA_CALENDAR)));
});

const cases: Array<[number, string[], string[]]> = [
  // [report year, sentences that fit, sentences that must be flagged]
  [
    2019,
    ['深入贯彻党的十九大和十九届二中、三中、四中全会精神。', '扎实推进“七五”普法。', '推进“十三五”规划实施。'],
    ['贯彻落实二十大精神。', '深入开展“八五”普法。'],
  ],
  [
    2020,
    ['全面贯彻党的十九大和十九届五中全会精神。', '“七五”普法圆满收官。', '制订“八五”普法规划。'],
    ['学习贯彻十九届六中全会精神。', '推进“十四五”规划实施。'],
  ],
  [
    2021,
    ['深入学习贯彻十九届六中全会精神。', '启动“八五”普法。', '推进“十四五”开局。'],
    ['学习二十大精神。', '深化“七五”普法。', '建设廉洁高效、守法诚信的法治政府。'],
  ],
  [
    2022,
    ['深入学习贯彻党的二十大精神。', '深入学习贯彻十九届六中全会精神。', '落实“八五”普法规划。'],
    ['学习二十届二中全会精神。', '推进“九五”普法。'],
  ],
  [
    2023,
    ['深入贯彻党的二十大和二十届二中全会精神。', '“八五”普法中期验收。'],
    ['深入贯彻落实党的十九大精神。', '学习二十届三中全会精神。'],
  ],
  [
    2024,
    ['学习贯彻党的二十届三中全会精神。', '推进“十四五”规划实施。'],
    ['学习贯彻党的二十届四中全会精神。', '深入贯彻党的十九大精神。'],
  ],
  [2025, ['学习贯彻党的二十届四中全会精神。', '“八五”普法总结验收。'], ['推进“七五”普法。', '贯彻十九大精神。']],
  [
    2026,
    ['学习贯彻党的二十届四中全会精神。', '实施“九五”普法规划。', '推进“十五五”规划开局。'],
    ['推进“七五”普法。', '深入贯彻十九大精神。'],
  ],
];

describe('era calendar (templates/era-calendar.json)', () => {
  it('lists the congresses and plenums of checks.md', () => {
    expect(ERA_CALENDAR.congresses.find((c) => c.number === 20)!.date).toBe('2022-10-16');
    expect(ERA_CALENDAR.plenums.find((p) => p.congress === 20 && p.session === 4)!.date).toBe('2025-10-20');
  });

  describe.each(cases)('a report on %i', (year, fits, flagged) => {
    it.each(fits)('accepts “%s”', (sentence) => expect(eraRules(year, sentence)).toEqual([]));
    it.each(flagged)('flags “%s”', (sentence) => expect(eraRules(year, sentence).length).toBeGreaterThan(0));
  });

  it('lets a 2022 report written in January 2023 cite 二十大, but not one written before it', () => {
    expect(eraRules(2022, '深入学习贯彻党的二十大精神。', '2023年1月10日')).toEqual([]);
    expect(eraRules(2021, '深入学习贯彻党的二十大精神。', '2022年1月10日')).toEqual(['era.congress:error']);
  });
});

describe('year.mismatch reads a title year in Chinese digits', () => {
  const titleFindings = (title: string) => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '柳溪乡',
      year: 2025,
      date: '2026年1月12日',
    });
    doc.meta.title = title;
    return checkReport(doc).findings.filter((f) => f.rule === 'year.mismatch');
  };

  it('passes a title naming the report year as 二〇二五年度 or 二O二五年 (letter O)', () => {
    expect(titleFindings('柳溪乡二〇二五年度法治政府建设情况报告')).toEqual([]);
    expect(titleFindings('柳溪乡人民政府关于二O二五年法治政府建设情况的报告')).toEqual([]);
  });

  it('flags a title left at last year in Chinese digits, with a fix in the same digits', () => {
    const [finding, ...rest] = titleFindings('柳溪乡二〇二四年度法治政府建设情况报告');
    expect(rest).toEqual([]);
    expect(finding?.message).toContain('2024');
    expect(finding?.fix?.replacement).toBe('二〇二五');
    expect(titleFindings('柳溪乡关于二O二四年法治政府建设工作的报告')[0]?.fix?.replacement).toBe('二O二五');
  });
});

describe('year.mismatch in the body', () => {
  const bodyFindings = (sentence: string) => {
    const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '柳溪乡',
      year: 2025,
      date: '2026年1月12日',
    });
    doc.sections[1]!.blocks = [{ kind: 'paragraph', text: sentence }];
    return checkReport(doc).findings.filter((f) => f.rule === 'year.mismatch');
  };

  it('passes last year’s report cited as such', () => {
    expect(bodyFindings('针对2024年度法治政府建设情况报告中查找出的3个问题，逐项整改到位。')).toEqual([]);
    expect(bodyFindings('2024年度法治政府建设情况报告提出的5项计划已全部完成。')).toEqual([]);
  });

  it('still flags a year left over from last year’s text', () => {
    expect(bodyFindings('全乡2024年度法治政府建设情况总体良好，各项任务有序推进。')).toHaveLength(1);
  });
});
