/**
 * 导出 Word, 导出 PDF and 打印… in main, in Node: refused while a phone or ID number remains, before any dialog is
 * asked or anything printed or written, as 导出网页文本 is; a report with only an office's public line goes out.
 * The county's rule levels are those of the profile main keeps (导入县里的配置), as the clerk's checker has them.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProfile, type CountyProfileFile } from '../../../test/support/countyFixtures';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { defaultRegistry } from '../../core/templates/registry';
import { createHandlers, type Dialogs } from './index';

const OPTIONS = { fontProfile: 'windows', boldLevel3: false, includeAddressee: true, sealed: false } as const;

function setup() {
  const folder = mkdtempSync(join(tmpdir(), '导出 隐私-'));
  const asked: string[] = [];
  let printed = 0;
  let printDialogs = 0;
  const profile = { path: null as string | null };
  const none = async () => null;
  const dialogs: Dialogs = {
    openReport: none,
    saveReport: none,
    importDocument: none,
    exportDocx: async () => (asked.push('docx'), join(folder, '报告.docx')),
    exportPdf: async () => (asked.push('pdf'), join(folder, '报告.pdf')),
    exportWeb: async () => (asked.push('web'), join(folder, '报告.html')),
    openFolder: none,
    saveTable: none,
  };
  const handlers = createHandlers({
    dialogs,
    userDataDir: join(folder, 'userData'),
    printToPdf: async () => (printed++, new TextEncoder().encode('%PDF-1.4')),
    printWindow: async () => (printDialogs++, { printed: true }),
    profileDialogs: { openProfile: async () => profile.path },
  });
  const written = () => readdirSync(folder).filter((name) => name !== 'userData' && !name.endsWith('.json'));
  /** The county's profile as the clerk imports it in the app (首页 → 导入县里的配置…). */
  const importCounty = async (fields: CountyProfileFile) => {
    profile.path = writeProfile(folder, fields);
    expect((await handlers['profile:import']({})).ok).toBe(true);
  };
  return {
    folder,
    asked,
    handlers,
    written,
    printed: () => printed,
    printDialogs: () => printDialogs,
    importCounty,
  };
}

const report = (text: string) => {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
  doc.sections[1]!.blocks = [{ kind: 'paragraph', text }];
  return doc;
};

describe('导出 Word and PDF hold back a phone or ID number', () => {
  it.each([
    ['a mobile number', '全年开展法治培训10场次，联系人手机13912345678。'],
    ['an ID number', '为申请人11010519491231002X办理法律援助。'],
  ])('refuses Word with %s: says why, asks nothing, writes nothing', async (_, text) => {
    const { handlers, asked, written } = setup();
    const answer = await handlers['report:exportDocx']({ doc: report(text), options: OPTIONS, suggestedName: '报告' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error).toMatch(/还有 1 处电话号码或身份证号码，不能导出 Word 文件。请先按检查结果删去。/);
      expect(answer.code).toBe('refused');
    }
    expect(asked).toEqual([]);
    expect(written()).toEqual([]);
  });

  it('refuses PDF by the report the preview is drawn from: nothing printed, nothing written', async () => {
    const { handlers, asked, written, printed } = setup();
    const answer = await handlers['report:exportPdf']({
      doc: report('值班电话：0731-84561234，13912345678。'),
      suggestedName: '报告',
    });
    expect(answer.ok || answer.error).toMatch(/还有 2 处电话号码或身份证号码，不能导出 PDF/);
    expect(asked).toEqual([]);
    expect(printed()).toBe(0);
    expect(written()).toEqual([]);
  });

  it("exports Word, PDF and web text once only an office's public line remains", async () => {
    const { folder, handlers, written } = setup();
    const doc = report('公布举报电话0871-1234567，12345政务服务热线办结率100%。');
    expect(await handlers['report:exportDocx']({ doc, options: OPTIONS, suggestedName: '报告' })).toEqual({
      ok: true,
      value: { name: '报告.docx' },
    });
    expect(await handlers['report:exportPdf']({ doc, suggestedName: '报告' })).toEqual({
      ok: true,
      value: { name: '报告.pdf' },
    });
    expect(await handlers['report:exportWeb']({ doc, format: 'html', suggestedName: '报告' })).toEqual({
      ok: true,
      value: { name: '报告.html' },
    });
    expect(written().sort()).toEqual(['报告.docx', '报告.html', '报告.pdf']);
    expect(existsSync(join(folder, '报告.pdf'))).toBe(true);
  });

  it('refuses 打印… as PDF: the system print dialog never opens while a number remains', async () => {
    const { handlers, printDialogs } = setup();
    const answer = await handlers['window:print']({ doc: report('群众来电可拨打15823456789咨询。') });
    expect(answer).toEqual({
      ok: false,
      error: '报告中还有 1 处电话号码或身份证号码，不能打印。请先按检查结果删去。',
      code: 'refused',
    });
    expect(printDialogs()).toBe(0);
    const clean = await handlers['window:print']({ doc: report('公布举报电话0871-1234567。') });
    expect(clean).toEqual({ ok: true, value: { printed: true } });
    expect(printDialogs()).toBe(1);
  });
});

describe("the county's rule levels, from the profile main keeps", () => {
  const text = '镇综治中心值班电话0731-84561234，值班手机13912345678。';

  it('lets every export and 打印 through where the county turned privacy.phone off; an ID number still refused', async () => {
    const { handlers, importCounty, written, printDialogs } = setup();
    const doc = report(text);
    expect((await handlers['report:exportDocx']({ doc, options: OPTIONS, suggestedName: '报告' })).ok).toBe(false);
    await importCounty({ 审核单位: '青山县司法局', 关闭规则: ['privacy.phone'] });
    expect((await handlers['report:exportDocx']({ doc, options: OPTIONS, suggestedName: '报告' })).ok).toBe(true);
    expect((await handlers['report:exportPdf']({ doc, suggestedName: '报告' })).ok).toBe(true);
    expect((await handlers['report:exportWeb']({ doc, format: 'html', suggestedName: '报告' })).ok).toBe(true);
    expect(await handlers['window:print']({ doc })).toEqual({ ok: true, value: { printed: true } });
    expect(written().sort()).toEqual(['报告.docx', '报告.html', '报告.pdf']);
    expect(printDialogs()).toBe(1);

    const withId = report(`${text}为申请人11010519491231002X办理法律援助。`);
    const answer = await handlers['window:print']({ doc: withId });
    expect(answer.ok || answer.error).toMatch(/还有 1 处电话号码或身份证号码，不能打印/);
  });

  it('lifts the refusal for a rule lowered to 建议, keeps it at 警告, and refuses again once the profile is removed', async () => {
    const { handlers, importCounty } = setup();
    const doc = report(text);
    await importCounty({ 规则级别: { 电话号码: '建议' } });
    expect((await handlers['report:exportWeb']({ doc, format: 'html', suggestedName: '报告' })).ok).toBe(true);
    await importCounty({ 规则级别: { 电话号码: '警告' } });
    const warned = await handlers['report:exportWeb']({ doc, format: 'html', suggestedName: '报告' });
    expect(warned.ok || warned.error).toMatch(/还有 2 处电话号码或身份证号码，不能导出用于网站发布的文本/);
    await importCounty({ 关闭规则: ['privacy.phone'] });
    expect((await handlers['window:print']({ doc })).ok).toBe(true);
    expect(await handlers['profile:remove']({})).toEqual({ ok: true, value: null });
    const removed = await handlers['window:print']({ doc });
    expect(removed.ok || removed.error).toMatch(/还有 2 处.*不能打印/);
  });
});
