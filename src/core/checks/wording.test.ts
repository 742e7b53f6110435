/** word.confusable on texts of our own: the mistakes a reviewer marks, and the fixed terms that keep 法制. */
import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../model/fromTemplate';
import { defaultRegistry } from '../templates/registry';
import { checkReport } from './index';
import { WORD_LISTS, WordListsSchema } from './wordLists';

function findings(sentence: string) {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '青石镇',
    year: 2025,
    date: '2026年1月15日',
  });
  doc.sections[1]!.blocks = [{ kind: 'paragraph', text: sentence }];
  return checkReport(doc).findings.filter((f) => f.rule === 'word.confusable');
}
const fixed = (sentence: string) => {
  const f = findings(sentence);
  return f.map((x) => x.fix?.replacement);
};

it('the bundled word lists, used as written, meet their schema', () => {
  expect(WORD_LISTS).toMatchObject(WordListsSchema.parse(structuredClone(WORD_LISTS)));
});

describe('word.confusable', () => {
  it.each([
    ['对其它重点人群开展普法。', '其他'],
    ['截止2025年12月底，共受理申请36件。', '截至'],
    ['截止到目前，已办结全部案件。', '截至'],
    ['截止至年底，完成整改9项。', '截至'],
    ['全镇法制建设水平不断提升。', '法治建设'],
    ['深入开展法制宣传进村入户活动。', '法治宣传'],
    ['培养群众的法制观念。', '法治观念'],
    ['新创建省级民主法制示范村1个。', '民主法治示范'],
    ['认真布署年度普法任务。', '部署'],
    ['告知当事人的权力和义务。', '权利和义务'],
  ])('flags “%s” with the fix %s', (sentence, replacement) => {
    expect(fixed(sentence)).toEqual([replacement]);
  });

  it('marks 制订 of a regulation as advice, not 制订 of a plan', () => {
    expect(findings('镇政府制订了规范性文件管理办法。').map((f) => f.severity)).toEqual(['info']);
    expect(findings('制订行政执法公示制度。').map((f) => f.severity)).toEqual(['info']);
    expect(findings('制订年度普法工作计划和实施方案。')).toEqual([]);
  });

  it.each([
    '严格落实重大执法决定法制审核制度，法制审核率100%。',
    '镇司法所作为政府法制机构，承担合法性审查工作。',
    '原县政府法制办更名为县司法局。',
    '聘请法制副校长4名，开展青少年法制教育。',
    '申请截止时间为每年3月31日。',
    '报名于6月30日截止。',
    '学习《关于加强法制宣传教育的决议》。',
    '群众称之为“法制建设示范点”。',
    '其他需要报告的情况。',
    '法治建设、法治宣传、法治观念深入人心。',
    '严格依法行使权力，自觉接受监督。',
  ])('says nothing about “%s”', (sentence) => {
    expect(findings(sentence)).toEqual([]);
  });
});
