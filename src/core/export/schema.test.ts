/**
 * The .docx in every font profile and every 版式设置 option, zipped both ways (Node's zlib as the CLI and
 * the app's main process do, docx's own zip as a page without zlib would), held to the ISO/IEC 29500
 * Transitional schemas by ../shared/tools/validate-docx. Skipped, saying why, without ../shared or xmllint.
 */
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { describeNeeding } from '../../../test/support/needs';
import { DocxCollector, VALIDATOR_NEEDS } from '../../../test/support/validateDocx';
import { nodeDeflater } from '../../node/deflater';
import { createReportFromTemplate } from '../model/fromTemplate';
import { tableBlock, type ReportDocument } from '../model/report';
import { defaultRegistry } from '../templates/registry';
import { DEFAULT_DOCX_OPTIONS, exportDocx, type DocxOptions } from './docx';
import type { FontProfileId } from './fonts';

/** Every element the exporter writes, in our own words. */
function everyElement(): ReportDocument {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '白河乡',
    year: 2025,
    date: '2026年2月3日',
  });
  doc.meta.docNumber = '白政〔2026〕5号';
  doc.meta.addressee = '县委、县政府';
  doc.meta.signature = ['中共白河乡委员会', '白河乡人民政府'];
  doc.meta.attachments = ['1.白河乡行政执法统计表', '白河乡重大行政决策目录'];
  doc.sections[0]!.blocks = [{ kind: 'paragraph', text: '2025年，白河乡坚持依法行政，现将有关情况报告如下：' }];
  doc.sections[1]!.blocks = [
    { kind: 'subheading', level: 2, text: '（一）规范行政执法' },
    { kind: 'subheading', level: 3, text: '1.落实三项制度' },
    { kind: 'subheading', level: 4, text: '（1）执法公示' },
    { kind: 'paragraph', text: '2.开展案卷评查。评查案卷36卷，合格率97.2%，“双随机、一公开”抽查<12>次 & 回访。\u0007' },
    tableBlock([['指标', '数量'], ['执法案卷（卷）', '36'], ['合格率', '97.2%'], ['备注']]),
  ];
  // A table last in a part, and one with a single cell.
  doc.sections[2]!.blocks = [tableBlock([['只有一格的表']])];
  doc.closing = ['特此报告。'];
  return doc;
}

const profiles: FontProfileId[] = ['windows', 'gb2312', 'kylin'];
const optionSets: Partial<DocxOptions>[] = [
  {},
  { boldLevel3: true },
  { includeAddressee: false },
  { boldLevel3: true, includeAddressee: false },
];

describeNeeding(VALIDATOR_NEEDS, 'the .docx against the OOXML schemas', () => {
  it('is schema-valid in every font profile and option, zipped either way', async () => {
    const written = new DocxCollector();
    for (const fontProfile of profiles) {
      for (const options of optionSets) {
        const settings = { ...DEFAULT_DOCX_OPTIONS, ...options, fontProfile };
        const name = Object.entries(settings)
          .map(([k, v]) => `${k}-${v}`)
          .join('_');
        written.add(`zlib_${name}`, await exportDocx(everyElement(), settings, nodeDeflater));
        written.add(`docx_${name}`, await exportDocx(everyElement(), settings));
      }
    }
    // A report that ends with a table (no closing, attachments, 署名 or date).
    const endsWithTable = createReportFromTemplate(defaultRegistry.get('township')!, {
      unit: '白河乡',
      year: 2025,
      date: '',
    });
    endsWithTable.meta.signature = [];
    endsWithTable.sections.at(-1)!.blocks = [
      tableBlock([
        ['项目', '数量'],
        ['培训', '3'],
      ]),
    ];
    written.add('ends-with-table', await exportDocx(endsWithTable, {}, nodeDeflater));
    // An empty report (a new file exported at once) too.
    written.add(
      'empty',
      await exportDocx(createReportFromTemplate(defaultRegistry.get('duty')!, { unit: '', year: 2025, date: '' })),
    );
    const { ok, report } = written.validate();
    expect(report).toMatch(/^files=\d+ parts=\d+ violations=0/);
    expect(ok, report).toBe(true);
  }, 600_000);

  it('checks what it claims to: a part that breaks the schema is reported', async () => {
    const zip = await JSZip.loadAsync(await exportDocx(everyElement()));
    const document = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', document.replace('<w:jc w:val="center"/>', '<w:jc w:val="middle-ish"/>'));
    const written = new DocxCollector();
    written.add('broken', await zip.generateAsync({ type: 'uint8array' }));
    const { ok, report } = written.validate();
    expect(ok).toBe(false);
    expect(report).toContain('word/document.xml');
  }, 600_000);
});
