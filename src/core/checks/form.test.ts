/** signature.unit: a 署名 left at another unit's name (our own texts: the 柳河镇 report of test/support). */
import { describe, expect, it } from 'vitest';
import { townshipReport } from '../../../test/support/townshipReport';
import { toPlainText } from '../model/plainText';
import { checkReport } from './index';

const filler = '镇政府坚持依法决策，健全重大行政决策程序，推进严格规范公正文明执法，深化基层依法治理。'.repeat(20);

/** The clean 2025 report with the unit and 署名 given. */
function signed(unit: string, signature: string[]) {
  const doc = townshipReport({ measures: [filler] });
  doc.meta.unit = unit;
  doc.meta.signature = signature;
  return doc;
}

const findingsOf = (unit: string, signature: string[]) => {
  const doc = signed(unit, signature);
  return { doc, result: checkReport(doc), found: checkReport(doc).findings.filter((f) => f.rule === 'signature.unit') };
};

describe('signature.unit', () => {
  it.each([
    ['柳河镇', ['柳河镇人民政府']],
    ['柳河镇', ['柳河镇']],
    ['柳河镇', ['中共柳河镇委员会', '柳河镇人民政府']],
    ['柳河镇', ['中共柳河镇委员会　柳河镇人民政府']],
    ['柳河镇', ['中共柳河镇委员会柳河镇人民政府']],
    ['柳河镇', ['柳河镇党委  柳河镇政府']],
    ['柳河镇', ['白沙县柳河镇人民政府']],
    ['柳河镇', ['柳 河 镇 人 民 政 府']],
    ['白沙县柳河镇', ['柳河镇人民政府']],
    ['柳河镇人民政府', ['中共柳河镇委员会']],
    ['柳河街道', ['中共柳河街道工作委员会', '柳河街道办事处']],
    ['柳河街道', ['柳河街道党工委　柳河街道办事处']],
    ['白沙区柳河街道', ['白沙区柳河街道办事处']],
    ['白沙县', ['中共白沙县委员会', '白沙县人民政府']],
    // The unit typed short: one place name within the other, at the same level.
    ['柳河乡', ['柳河彝族乡人民政府']],
    ['白沙县', ['白沙彝族自治县人民政府']],
    ['白沙县司法局', ['白沙县司法局']],
    ['白沙县司法局', ['中共白沙县司法局党组　白沙县司法局']],
    // A 述职's 署名 is a person, with or without the post.
    ['柳河镇', ['柳河镇党委书记　张某']],
    ['柳河街道', ['张某']],
    // No 署名 at all is signature.missing's to say.
    ['柳河镇', []],
  ])('unit %s signed %j: no finding', (unit, signature) => {
    expect(findingsOf(unit, signature).found).toEqual([]);
  });

  it('a town become a street: flagged as a warning, the organs named for the clerk to write', () => {
    const { found, result } = findingsOf('柳河街道', ['中共柳河镇委员会', '柳河镇人民政府']);
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('“柳河镇”');
      expect(f.message).toContain('“柳河街道”');
      expect(f.message).toContain('柳河街道办事处');
      // 柳河街道人民政府 would be no organ: no mechanical fix.
      expect(f.fix).toBeUndefined();
    }
    expect(found.map((f) => /^署名“([^”]+)”/.exec(f.message)?.[1])).toEqual(['中共柳河镇委员会', '柳河镇人民政府']);
    expect(result.ready).toBe(true);
  });

  /** The 署名 lines after every fix of signature.unit is applied to the plain text. */
  const fixed = (unit: string, signature: string[]) => {
    const { doc, found } = findingsOf(unit, signature);
    let text = toPlainText(doc).text;
    for (const f of [...found].sort((a, b) => b.fix!.start - a.fix!.start))
      text = text.slice(0, f.fix!.start) + f.fix!.replacement + text.slice(f.fix!.end);
    const lines = text.split('\n');
    return lines.slice(lines.length - 1 - signature.length, lines.length - 1);
  };

  it.each([
    ['清水镇', ['中共柳河镇委员会　柳河镇人民政府'], ['中共清水镇委员会　清水镇人民政府']],
    ['清水镇', ['中共柳河镇委员会', '柳河镇人民政府'], ['中共清水镇委员会', '清水镇人民政府']],
    ['柳河镇', ['白沙县柳河乡人民政府'], ['白沙县柳河镇人民政府']],
    ['柳河镇', ['柳河彝族乡人民政府'], ['柳河镇人民政府']],
    ['柳河街道', ['柳河镇'], ['柳河街道']],
    ['清水街道', ['柳河街道办事处'], ['清水街道办事处']],
    ['白沙区', ['中共白沙县委员会', '白沙县人民政府'], ['中共白沙区委员会', '白沙区人民政府']],
  ])('unit %s signed %j: one click writes %j', (unit, signature, after) => {
    expect(fixed(unit, signature)).toEqual(after);
  });

  it('a 署名 spaced out for the layout, or a post before a name, is read too', () => {
    const spaced = findingsOf('清水镇', ['柳 河 镇 人 民 政 府']).found;
    expect(spaced).toHaveLength(1);
    expect(spaced[0]!.fix).toBeUndefined(); // the old name is not there as written
    expect(fixed('清水镇', ['柳河镇党委书记　张某'])).toEqual(['清水镇党委书记　张某']);
  });

  it('only the line that names another unit is flagged', () => {
    const { found } = findingsOf('清水镇', ['中共清水镇委员会', '柳河镇人民政府']);
    expect(found).toHaveLength(1);
    expect(found[0]!.fix?.replacement).toBe('清水镇人民政府');
  });
});

describe('signature.unit for a department', () => {
  it.each([
    ['青川县市场监督管理局', ['青川县市场监督管理局']],
    ['青川县市场监督管理局', ['县市场监督管理局']],
    ['青川县市场监督管理局', ['县市场监管局']],
    ['青川县市场监督管理局', ['中共青川县市场监督管理局党组']],
    ['青川县市场监督管理局', ['中共青川县市场监督管理局党组　青川县市场监督管理局']],
    ['青川县市场监督管理局', ['青川县市场监督管理局（盖章）']],
    ['县人力资源和社会保障局', ['县人社局']],
    ['青川县交通运输局', ['青川县交通局']],
    // A 述法's 署名 is a person.
    ['青川县公安局', ['局长　张某']],
    ['青川县公安局', ['张某']],
  ])('unit %s signed %j: no finding', (unit, signature) => {
    expect(findingsOf(unit, signature).found).toEqual([]);
  });

  it.each([
    ['青川县市场监督管理局', ['县人力资源和社会保障局'], '县人力资源和社会保障局'],
    [
      '青川县市场监督管理局',
      ['中共青川县人力资源和社会保障局党组　青川县人力资源和社会保障局'],
      '青川县人力资源和社会保障局',
    ],
    ['县自然资源局', ['县住房和城乡建设局'], '县住房和城乡建设局'],
    ['青川县教育局', ['青川县卫生健康局'], '青川县卫生健康局'],
  ])('unit %s signed %j: a warning naming %s, the report still ready', (unit, signature, other) => {
    const { found, result } = findingsOf(unit, signature);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toContain(`“${other}”`);
    expect(found[0]!.message).toContain(`“${unit}”`);
    expect(result.ready).toBe(true);
  });
});
