import { describe, expect, it } from 'vitest';
import { splitRunInHeading } from './runIn';

describe('run-in headings (GB/T 9704 7.3.3 numbers at the head of a paragraph)', () => {
  it('splits the number and title, through the first 。, from the body text', () => {
    expect(splitRunInHeading('1.强化学习。全年组织学法12次。')).toEqual({
      level: 3,
      heading: '1.强化学习。',
      rest: '全年组织学法12次。',
    });
    expect(splitRunInHeading('（一）坚持党的领导。镇党委把法治建设摆在突出位置。')).toEqual({
      level: 2,
      heading: '（一）坚持党的领导。',
      rest: '镇党委把法治建设摆在突出位置。',
    });
    expect(splitRunInHeading('(2)规范执法。开展案卷评查。')?.level).toBe(4);
    expect(splitRunInHeading('二、存在的不足。一是学法不够深入。')?.level).toBe(1);
  });

  it('leaves body text that only starts with a figure or has no short title', () => {
    expect(splitRunInHeading('2025年，青石镇坚持依法行政。')).toBeUndefined();
    expect(splitRunInHeading('1.5万元用于普法宣传。其余用于培训。')).toBeUndefined();
    expect(splitRunInHeading('1.强化学习')).toBeUndefined(); // a heading alone is a heading, not a run-in
    expect(splitRunInHeading(`1.${'很长的第一句'.repeat(10)}。正文。`)).toBeUndefined();
  });
});
