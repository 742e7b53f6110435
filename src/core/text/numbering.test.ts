import { describe, expect, it } from 'vitest';
import { addresseeLine, isAddresseeLine, isStaffLine } from './conventions';
import { chineseNumeral, chineseValue, chineseYearDigits } from './numerals';
import { enumeratedItems, formatHeadingNumber, headingNumber, runInHeading, stripHeadingNumber } from './numbering';

describe('公文 text conventions', () => {
  it('reads Chinese numerals both ways', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(['一', '十', '十二', '二十', '二十三', '两', '一百'].map(chineseValue)).toEqual([1, 10, 12, 20, 23, 2, 100]);
    expect(chineseValue('甲')).toBeNaN();
    expect(chineseYearDigits('二〇二五')).toBe(2025);
    expect(chineseYearDigits('二〇二')).toBeUndefined();
  });

  it('reads every heading-number form with its level, value and mark', () => {
    const read = (t: string) => {
      const n = headingNumber(t);
      return n && [n.level, n.value, n.mark, t.slice(n.end)];
    };
    expect(read('第三部分 存在的问题')).toEqual([0, 3, '', '存在的问题']);
    expect(read('第十二章：附则')).toEqual([0, 12, '：', '附则']);
    expect(read('十一、其他事项')).toEqual([1, 11, '、', '其他事项']);
    expect(read('三、2026年工作安排')).toEqual([1, 3, '、', '2026年工作安排']);
    expect(read('二．工作安排')).toEqual([1, 2, '．', '工作安排']);
    expect(read('(二)、健全制度')).toEqual([2, 2, '、', '健全制度']);
    expect(read('（ 4 ）规范执法')).toEqual([4, 4, '', '规范执法']);
    expect(read('12. 加强学习')).toEqual([3, 12, '.', '加强学习']);
    expect(read('1.5万元用于普法')).toBeUndefined();
    expect(read('1,200人次参加培训')).toBeUndefined();
    // A year right after 、 is the heading's first word, not part of a number.
    expect(read('4、2026年工作安排')).toEqual([3, 4, '、', '2026年工作安排']);
    // After a point too: a four-digit year and 年 is no decimal ("4.2026年工作安排"); "3.2025" alone is.
    expect(read('4.2026年工作安排')).toEqual([3, 4, '.', '2026年工作安排']);
    expect(read('1.2025万元用于普法')).toBeUndefined();
    expect(read('2025年，全镇')).toBeUndefined();
    // A comma after 一 or 1 is a sentence when reading a file, a wrong mark when checking one.
    expect(headingNumber('一，加强学习', true)).toBeUndefined();
    expect(headingNumber('一，加强学习')?.mark).toBe('，');
  });

  it('writes and strips numbers, finds run-in headings and 一是/二是 items', () => {
    expect([0, 1, 2, 3, 4].map((l) => formatHeadingNumber(l as 0 | 1 | 2 | 3 | 4, 2))).toEqual([
      '第二部分',
      '二、',
      '（二）',
      '2.',
      '（2）',
    ]);
    expect(stripHeadingNumber('第一部分  主要举措和成效')).toBe('主要举措和成效');
    expect(runInHeading('2.规范执法。全年办案8件。')).toEqual({
      level: 3,
      heading: '2.规范执法。',
      rest: '全年办案8件。',
    });
    expect(enumeratedItems('明年将：一是加强学法；二是规范执法；三是化解纠纷。')).toEqual([
      '加强学法；',
      '规范执法；',
      '化解纠纷。',
    ]);
    // 但是/不仅是 never start an item; one item alone is no list.
    expect(enumeratedItems('但是群众满意，一是学法。')).toEqual([]);
  });

  it('knows staff lines and addressee lines', () => {
    expect(['撰稿人：王某', '（审核：李某）', '联系电话: 1234'].every(isStaffLine)).toBe(true);
    expect(isStaffLine('审核合同12份：全部合法')).toBe(false);
    expect(isAddresseeLine('县委、县政府：')).toBe(true);
    expect(isAddresseeLine('• 审核程序:')).toBe(false);
    expect(isAddresseeLine('现将有关情况报告如下：')).toBe(false);
    expect(addresseeLine(' 县委依法治县办: ')).toBe('县委依法治县办：');
  });
});
