/** Publication safety: phone numbers in every usual grouping, and private people's names (our own texts). */
import { describe, expect, it } from 'vitest';
import type { TextLine } from '../model/plainText';
import type { CheckContext } from './context';
import { checkPrivacy, maskPrivateNumbers } from './privacy';

/** The privacy rule over one paragraph of a report body. */
function privacy(text: string) {
  const line: TextLine = { kind: 'paragraph', text, start: 0, part: 'measures', sectionKey: 's1', blockIndex: 0 };
  return checkPrivacy({ plain: { text, lines: [line] } } as unknown as CheckContext);
}
const rulesOf = (text: string) => privacy(text).map((f) => f.rule);

describe('privacy.phone', () => {
  it.each([
    '如有疑问请联系139-8547-6210。',
    '值班手机：139 8547 6210',
    '咨询电话 +86 137-1234-5678。',
    '联系镇司法所（180－2233－4455）。',
    '热线15907781234全天开通。',
    '镇司法所电话0731-84561234。',
    '撰稿人：王小明 0871-6543210',
    '联系人：李华，0871-6543210（办公室）。',
    '举报电话0871-1234567，联系电话0871-7654321。',
    '镇司法所电话0871-7654321，举报热线0871-1234567。',
    '举报电话：13912345678。',
    '监督电话 139-1234-5678',
    '服务热线15907781234。',
    '值班室（0755）2688 1234',
    '联系电话：0731 8456 1234。',
  ])('%s: an error', (text) => {
    const found = privacy(text).filter((f) => f.rule === 'privacy.phone');
    expect(found.map((f) => f.severity)).toEqual(['error']);
  });

  it.each([
    '2021-2025年法治政府建设实施纲要',
    '涉及金额138.5万元，惠及群众1386-1520人。',
    '编号 2025-0131-0042 的文件已归档。',
    '全镇常住人口13 8547人。',
  ])('%s: nothing', (text) => {
    expect(rulesOf(text)).not.toContain('privacy.phone');
  });

  // An office's public line is published on purpose: a refusal on it would stop every export.
  it.each([
    '公布举报电话0871-1234567，接受群众监督。',
    '举报电话：0731-84561234。',
    '投诉电话0731-8456-1234。',
    '设立监督举报电话（0871）6543210、（0871）6543211。',
    '开通法律咨询热线电话 023-6543 2100，全年接听来电312个。',
    '法律援助热线：6543210。',
    '群众可拨打0871-1234567（举报电话）反映问题。',
    '开通0871-6543210法律服务热线。',
    '拨打12345政务服务热线、12348法律服务热线或110报警。',
    '12345热线转办件（0871）12345号全部办结。',
  ])('%s: a public line, nothing', (text) => {
    expect(rulesOf(text)).not.toContain('privacy.phone');
  });
});

describe('privacy.person', () => {
  it.each([
    ['上访户王德贵多次到镇反映宅基地问题，经调解息访。', '王德贵'],
    ['信访户刘桂兰反映的土地纠纷已妥善化解。', '刘桂兰'],
    ['老上访户赵长林的信访积案已化解。', '赵长林'],
    ['纠纷当事人孙志强与邻居达成和解。', '孙志强'],
    ['社区矫正对象陈小军按期报到。', '陈小军'],
  ])('%s: a warning to write %s as 某', (text, name) => {
    const found = privacy(text).filter((f) => f.rule === 'privacy.person');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toContain(name);
    expect(found[0]!.fix?.replacement).toBe(`${name[0]}某`);
  });

  it.each([
    '上访户王某多次到镇反映宅基地问题，经调解息访。',
    '镇长王德贵接待上访群众，协调化解信访问题。',
    '信访户家中走访了解诉求，化解纠纷3件。',
  ])('%s: nothing', (text) => {
    expect(rulesOf(text)).not.toContain('privacy.person');
  });
});

describe('maskPrivateNumbers', () => {
  it.each([
    ['联系电话：13812345678', '联系电话：138****5678'],
    ['电话：0871-65123456', '电话：087*****3456'],
    ['联系电话：6512345', '联系电话：*****45'],
    ['座机：65123456', '座机：******56'],
    ['身份证号530102199001011234', '身份证号530***********1234'],
  ])('%s → %s: no more of the number than its last digits can be read', (text, masked) => {
    expect(maskPrivateNumbers(text)).toBe(masked);
  });

  it('leaves figures that are no phone number as they are', () => {
    expect(maskPrivateNumbers('全年调解纠纷126件，培训1200人次。')).toBe('全年调解纠纷126件，培训1200人次。');
  });
});
