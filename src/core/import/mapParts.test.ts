import { describe, expect, it } from 'vitest';
import type { Section } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { classifyHeading, mapParts, numberUnnumberedParts } from './mapParts';

const township = defaultRegistry.getOrDefault('township');
const duty = defaultRegistry.get('duty')!;
const partOf = (heading: string, year: number | null = 2023) =>
  classifyHeading(heading, township, year)?.part.id ?? null;

function map(headings: string[], template = township, year: number | null = 2023) {
  const sections: Section[] = headings.map((heading, i) => ({ key: `s${i}`, part: null, heading, blocks: [] }));
  return mapParts(sections, template, year).map((m) => [m.part, m.confidence]);
}

describe('classifyHeading: parts by meaning, in the wordings real reports use', () => {
  it.each([
    ['一、2023年推进法治政府建设的主要举措和成效', 'measures'],
    ['一、主要做法及成效', 'measures'],
    ['一、工作开展情况', 'measures'],
    ['二、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况', 'leadership'],
    ['一、镇长履行推进法治建设第一责任人职责情况', 'leadership'],
    ['三、存在的不足和原因', 'shortcomings'],
    ['三、存在问题', 'shortcomings'],
    ['三、问题与不足', 'shortcomings'],
    ['三、面临的困难和问题', 'shortcomings'],
    ['四、下一步工作打算', 'plans'],
    ['四、下步工作计划', 'plans'],
    ['四、2024年度主要工作', 'plans'],
    ['四、2024年工作思路', 'plans'],
    ['四、今后工作打算', 'plans'],
    ['四、下一步工作举措', 'plans'],
    ['五、其他需要报告的情况', 'other'],
  ])('%s → %s', (heading, part) => {
    expect(partOf(heading)).toBe(part);
  });

  it.each([
    ['二、坚持党的领导，加强党对全面依法治镇的领导'],
    ['一、深学笃用习近平法治思想'],
    ['三、解决群众急难愁盼问题，提升基层治理法治化水平'],
  ])('%s names no part by itself (its position decides)', (heading) => {
    expect(partOf(heading)).toBeNull();
  });

  it('reads a heading named by the report year as this year’s work, by next year as plans', () => {
    expect(partOf('二、2023年主要工作')).toBe('measures');
    expect(partOf('二、2024年主要工作')).toBe('plans');
    expect(partOf('二、2023年工作计划')).toBe('plans');
  });
});

describe('mapParts', () => {
  it('maps consecutive measures areas to measures, wherever 第一责任人 stands', () => {
    expect(
      map([
        '一、区政府主要负责同志履行推进法治建设第一责任人职责情况',
        '二、深化依法行政',
        '三、优化营商环境',
        '四、存在的不足和原因',
        '五、下一年度主要安排',
      ]),
    ).toEqual([
      ['leadership', 'alias'],
      ['measures', 'position'],
      ['measures', 'position'],
      ['shortcomings', 'alias'],
      ['plans', 'alias'],
    ]);
  });

  it('keeps an unnamed part after the later parts as an extra section', () => {
    expect(map(['一、主要举措和成效', '二、存在的问题', '三、群众满意度调查'])).toEqual([
      ['measures', 'alias'],
      ['shortcomings', 'alias'],
      [null, 'none'],
    ]);
  });

  it('takes a bare "主要工作" for this year’s work at the top, for plans at the end', () => {
    expect(map(['一、主要工作', '二、存在的问题', '三、主要工作'], township, null).map((m) => m[0])).toEqual([
      'measures',
      'shortcomings',
      'plans',
    ]);
  });

  it('uses the duty template’s own parts', () => {
    expect(map(['一、履行第一责任人职责情况', '二、存在的问题', '三、今后努力方向'], duty).map((m) => m[0])).toEqual([
      'duties',
      'shortcomings',
      'plans',
    ]);
  });
});

describe('telling words inside measures areas', () => {
  it.each([
    ['一、科学安排年度普法计划，扎实推进全民普法'],
    ['二、着力解决群众反映强烈存在的突出问题'],
    ['三、其他重点工作开展情况'],
  ])('%s names no later part', (heading) => {
    expect(['plans', 'shortcomings', 'other']).not.toContain(partOf(heading));
  });

  it('demote a later part named by a telling word when measures or the same part follow', () => {
    expect(
      map([
        '一、依法决策',
        '二、补齐基层法治力量不足短板',
        '三、规范执法',
        '四、存在的不足和原因',
        '五、下一步工作打算',
      ]).map((m) => m[0]),
    ).toEqual(['measures', 'measures', 'measures', 'shortcomings', 'plans']);
  });
});

describe('numberUnnumberedParts: headings with no written number get the outline’s', () => {
  const numbered = (headings: string[]) => {
    const sections: Section[] = headings.map((heading, i) => ({ key: `s${i}`, part: null, heading, blocks: [] }));
    const mapping = mapParts(sections, township, 2025);
    const added = numberUnnumberedParts(sections, mapping, township);
    expect(mapping.map((m) => m.heading)).toEqual(sections.map((s) => s.heading));
    return { headings: sections.map((s) => s.heading), added };
  };

  it('gives each its part’s number in the outline, a missing part’s number left out', () => {
    expect(numbered(['推进依法行政的主要做法', '存在的问题和不足', '下步工作计划'])).toEqual({
      headings: ['一、推进依法行政的主要做法', '三、存在的问题和不足', '四、下步工作计划'],
      added: 3,
    });
  });

  it('numbers several areas of 举措 and parts out of the outline’s order in document order', () => {
    expect(numbered(['加强党的领导', '深化依法行政', '存在的不足和原因', '2026年工作打算']).headings).toEqual([
      '一、加强党的领导',
      '二、深化依法行政',
      '三、存在的不足和原因',
      '四、2026年工作打算',
    ]);
    expect(numbered(['第一责任人履职情况', '主要举措和成效', '存在的不足']).headings).toEqual([
      '一、第一责任人履职情况',
      '二、主要举措和成效',
      '三、存在的不足',
    ]);
  });

  it('keeps written numbers, never repeats one, and follows a 第一部分 report’s form', () => {
    expect(
      numbered(['一、主要举措和成效', '二、党政主要负责人履职情况', '存在的困难', '四、明年工作安排']).headings,
    ).toEqual(['一、主要举措和成效', '二、党政主要负责人履职情况', '三、存在的困难', '四、明年工作安排']);
    expect(numbered(['第一部分　主要举措和成效', '存在的不足']).headings).toEqual([
      '第一部分　主要举措和成效',
      '第三部分　存在的不足',
    ]);
    expect(numbered(['一、主要举措和成效', '二、存在的不足']).added).toBe(0);
  });
});
