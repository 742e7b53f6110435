import { describe, expect, it } from 'vitest';
import {
  authorsIn,
  detectTemplate,
  parseDateLine,
  reportUnit,
  reportYear,
  unitFromAuthor,
  unitKind,
  yearInTitle,
} from './meta';
import { importText } from './text';
import { defaultRegistry, TemplateRegistry } from '../templates/registry';

describe('unitFromAuthor', () => {
  it.each([
    ['白沙县青石镇人民政府', '青石镇'],
    ['中共青石镇委员会', '青石镇'],
    ['青石镇党委', '青石镇'],
    ['重庆市白沙县青石镇', '青石镇'],
    ['白沙县新市镇人民政府', '新市镇'],
    ['白沙区青石街道办事处', '青石街道'],
    ['中共青石街道工作委员会', '青石街道'],
    ['白沙县司法局', '白沙县司法局'],
    ['白沙县发展和改革委员会', '白沙县发展和改革委员会'],
    ['白沙县人民政府', '白沙县'],
    ['中共白沙县委员会', '白沙县'],
    ['全年开展培训，成效明显', ''],
  ])('%s → %s', (author, unit) => {
    expect(unitFromAuthor(author)).toBe(unit);
  });
});

describe('authorsIn', () => {
  it('splits joint organs, run together or spaced, and keeps one organ whole', () => {
    expect(authorsIn('中共青石镇委员会青石镇人民政府')).toEqual(['中共青石镇委员会', '青石镇人民政府']);
    expect(authorsIn('中共青石街道工作委员会　青石街道办事处')).toEqual(['中共青石街道工作委员会', '青石街道办事处']);
    expect(authorsIn('白沙县发展和改革委员会')).toEqual(['白沙县发展和改革委员会']);
  });
});

describe('reportUnit', () => {
  it('reads the title, then the 述职 author line, then the signature', () => {
    expect(
      reportUnit({
        title: '中共青石镇委员会\n青石镇人民政府\n关于2024年度法治政府建设情况的报告',
        afterTitle: [],
        signature: [],
        opening: '',
      }),
    ).toBe('青石镇');
    expect(
      reportUnit({ title: '青石镇2024年度法治政府建设工作报告', afterTitle: [], signature: [], opening: '' }),
    ).toBe('青石镇');
    expect(reportUnit({ title: '2024年青石镇法治政府建设工作报告', afterTitle: [], signature: [], opening: '' })).toBe(
      '青石镇',
    );
    expect(reportUnit({ title: '述职报告', afterTitle: ['青石镇党委书记 王 某'], signature: [], opening: '' })).toBe(
      '青石镇',
    );
    expect(
      reportUnit({ title: '法治政府建设情况报告', afterTitle: [], signature: ['白沙县青石镇人民政府'], opening: '' }),
    ).toBe('青石镇');
    expect(
      reportUnit({ title: '', afterTitle: [], signature: [], opening: '2024年，青石镇党委、政府坚持依法行政。' }),
    ).toBe('青石镇');
  });
});

describe('years', () => {
  it('reads the title year in every form', () => {
    expect(yearInTitle('青石镇2023年度法治政府建设情况报告')).toBe(2023);
    expect(yearInTitle('青石镇二〇二三年法治政府建设情况报告')).toBe(2023);
    expect(yearInTitle('青石镇2019—2023年法治政府建设情况报告')).toBe(2023);
    expect(yearInTitle('述职报告')).toBeUndefined();
    // Full-width digits, as some input methods type them.
    expect(yearInTitle('青石镇关于２０２３年度法治政府建设情况的报告')).toBe(2023);
    expect(yearInTitle('青石镇法治政府建设年度报告（2023）')).toBe(2023);
    expect(yearInTitle('青石镇法治政府建设年度报告(2023年度)')).toBe(2023);
    expect(yearInTitle('青石镇法治政府建设情况报告（征求意见稿）')).toBeUndefined();
  });

  it('falls back from the title to the opening, the headings, the 成文日期 and the page date', () => {
    const none = { title: '', opening: '', headings: [] as string[] };
    expect(reportYear({ ...none, opening: '2022年以来，我镇…' })).toBe(2022);
    expect(reportYear({ ...none, opening: '2022年3月，我镇…' })).toBeNull();
    expect(reportYear({ ...none, headings: ['一、2022年推进法治政府建设的主要举措和成效'] })).toBe(2022);
    expect(reportYear({ ...none, written: new Date(2024, 0, 12) })).toBe(2023);
    expect(reportYear({ ...none, written: new Date(2023, 11, 25) })).toBe(2023);
    expect(reportYear({ ...none, headings: ['三、2024年工作计划'] })).toBe(2023);
    expect(reportYear({ ...none, published: new Date(2024, 2, 30) })).toBe(2023);
    expect(reportYear({ ...none, opening: '２０２２年，我镇…' })).toBe(2022);
    expect(reportYear({ ...none, headings: ['四、２０２３年工作打算'] })).toBe(2022);
  });

  it('parses a 成文日期 written with Arabic or Chinese numerals, with spaces or brackets', () => {
    expect(parseDateLine('2024年1月12日')?.date).toEqual(new Date(2024, 0, 12));
    expect(parseDateLine('2024 年 01 月 12 日')?.text).toBe('2024年01月12日');
    expect(parseDateLine('二〇二四年一月十二日')?.date).toEqual(new Date(2024, 0, 12));
    expect(parseDateLine('（2024年1月12日）')?.date).toEqual(new Date(2024, 0, 12));
    expect(parseDateLine('2024年1月12日召开会议')).toBeUndefined();
  });

  it('reads a 成文日期 typed with full-width digits or as 2024-01-12, keeping it as written for date.format', () => {
    expect(parseDateLine('２０２４年１月１２日')).toEqual({
      text: '２０２４年１月１２日',
      date: new Date(2024, 0, 12),
    });
    expect(parseDateLine('2024-01-12')).toEqual({ text: '2024-01-12', date: new Date(2024, 0, 12) });
    expect(parseDateLine('2024.1.12')?.date).toEqual(new Date(2024, 0, 12));
    expect(parseDateLine('2024/1/12')?.date).toEqual(new Date(2024, 0, 12));
    // Mixed separators, impossible days and a decimal are no dates.
    expect(parseDateLine('2024-1.12')).toBeUndefined();
    expect(parseDateLine('2024-13-01')).toBeUndefined();
    expect(parseDateLine('2024年2月40日')).toBeUndefined();
    expect(parseDateLine('2024.5')).toBeUndefined();
  });
});

it('reads a title or date year typed with a Latin O for 〇 (二O二五年)', () => {
  expect(yearInTitle('桃源街道办事处二O二五年法治政府建设情况报告')).toBe(2025);
  expect(parseDateLine('二O二六年一月八日')?.date.getFullYear()).toBe(2026);
});

describe('the kind of report from its unit', () => {
  const imported = (title: string, signature: string) => {
    const result = importText(
      [
        title,
        '2025年，我们坚持依法行政，现将有关情况报告如下：',
        '一、主要举措和成效',
        '全年审查规范性文件6件。',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '主要负责人主持专题会议3次。',
        '三、存在的不足和原因',
        '执法人员专业能力不足。',
        '四、2026年工作安排',
        '加强执法培训。',
        '五、其他需要报告的情况',
        '无。',
        signature,
        '2026年2月3日',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(result.error);
    return result;
  };

  it('reads a county government as a county, a department as a department', () => {
    expect(unitKind(unitFromAuthor('云岭县人民政府'))).toBe('county');
    expect(unitKind(unitFromAuthor('江北区人民政府'))).toBe('county');
    expect(unitKind(unitFromAuthor('云岭县市场监督管理局'))).toBe('department');
    expect(unitKind(unitFromAuthor('青山街道办事处'))).toBe('township');
    expect(unitKind(unitFromAuthor('江口经济开发区'))).toBe('zone');
    expect(unitKind(unitFromAuthor('松岭经济开发区管理委员会'))).toBe('zone');
    expect(unitKind(unitFromAuthor('龙湾高新区管委会'))).toBe('zone');
    // A zone's own bureau is a department.
    expect(unitKind(unitFromAuthor('松岭经济开发区经济发展局'))).toBe('department');
  });

  it.each([
    ['松岭经济开发区管理委员会关于2025年度法治政府建设工作情况的报告', '松岭经济开发区管理委员会'],
    ['龙湾高新区管委会2025年法治政府建设年度报告', '龙湾高新区管委会'],
    ['青石工业园区2025年度法治政府建设情况报告', '青石工业园区管理委员会'],
  ])('imports %s under the township outline, and says why', (title, signature) => {
    const result = imported(title, signature);
    expect(result.template).toBe('township');
    expect(result.warnings.join('')).toMatch(/开发区（园区）的管理机构.*与乡镇（街道）相当.*按哪个提纲/);
    expect(result.mapping.map((m) => m.part)).toEqual(['measures', 'leadership', 'shortcomings', 'plans', 'other']);
  });

  it('imports a county government report under the township outline and says so', () => {
    const result = imported('云岭县人民政府关于2025年度法治政府建设情况的报告', '云岭县人民政府');
    expect(result.template).toBe('township');
    expect(result.doc.meta.unit).toBe('云岭县');
    expect(result.warnings.join('')).toMatch(/县（区、市）人民政府.*没有县级政府的提纲/);
    expect(result.mapping.map((m) => m.part)).toEqual(['measures', 'leadership', 'shortcomings', 'plans', 'other']);
  });

  it('imports a department report under the department outline and names it', () => {
    const result = imported('云岭县市场监督管理局2025年法治政府建设年度报告', '云岭县市场监督管理局');
    expect(result.template).toBe('department');
    expect(result.warnings.join('')).toContain('县级部门');
  });

  it('takes a county outline from the templates folder when there is one', () => {
    const county = {
      ...defaultRegistry.get('township')!,
      id: 'county-gov',
      name: '县（区）人民政府法治政府建设年度报告',
    };
    const registry = new TemplateRegistry([...defaultRegistry.list(), county]);
    expect(detectTemplate(registry, '云岭县人民政府关于2025年度法治政府建设情况的报告', '云岭县', '').id).toBe(
      'county-gov',
    );
  });
});

describe('reportYear when the title disagrees with the rest', () => {
  it('takes the year the opening and the 成文日期 agree on over a title left at last year', () => {
    const clues = { title: '城西街道二〇二三年度法治政府建设情况报告', headings: [] };
    expect(reportYear({ ...clues, opening: '2024年，城西街道…', written: new Date(2025, 0, 16) })).toBe(2024);
    // The title stands when only one clue is against it, or none.
    expect(reportYear({ ...clues, opening: '2024年，城西街道…', written: new Date(2024, 0, 16) })).toBe(2023);
    expect(reportYear({ ...clues, opening: '全年，城西街道…', written: new Date(2025, 0, 16) })).toBe(2023);
  });
});
