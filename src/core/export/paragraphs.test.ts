import { describe, expect, it } from 'vitest';
import { FONT_PROFILES } from './fonts';
import { corePropertiesXml, escapeXml, paragraphXml, runXml, withParagraphs } from './paragraphs';

const gb2312 = FONT_PROFILES.gb2312;

describe('the XML of one paragraph', () => {
  it('states the run’s fonts, bold and size on the run itself, in CT_RPr’s order', () => {
    expect(runXml('1.严格审查', gb2312, { eastAsia: gb2312.body, spacing: -6, bold: true })).toBe(
      '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"/>' +
        '<w:b/><w:bCs/><w:spacing w:val="-6"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">1.严格审查</w:t></w:r>',
    );
  });

  it('writes exact line spacing, indent, alignment and outline level in CT_PPr’s order', () => {
    expect(
      paragraphXml({ align: 'both', line: 579, indent: { firstLine: 628, firstLineChars: 200 }, outlineLevel: 1 }),
    ).toBe(
      '<w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/><w:ind w:firstLine="628" w:firstLineChars="200"/><w:jc w:val="both"/><w:outlineLvl w:val="1"/></w:pPr></w:p>',
    );
  });

  it('escapes markup and drops the control characters XML forbids, keeping tabs and line ends', () => {
    expect(escapeXml('A&B <C> "D" \'E\'\u0000\u0008\u000b\u001f\tF\nG')).toBe(
      'A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos;\tF\nG',
    );
    // U+FFFE/U+FFFF and lone surrogates are not XML characters either; a real pair (an emoji, a rare 汉字) stays.
    expect(escapeXml('甲\uFFFE乙\uFFFF丙\uD800丁\uDC00戊😀𠀀')).toBe('甲乙丙丁戊😀𠀀');
  });
});

describe('the report’s own parts of the package', () => {
  it('puts the paragraphs at the head of the body, before the section properties', () => {
    const packaged = '<w:document><w:body><w:sectPr/></w:body></w:document>';
    expect(withParagraphs(packaged, ['<w:p>1</w:p>', '<w:p>2</w:p>'])).toBe(
      '<w:document><w:body><w:p>1</w:p><w:p>2</w:p><w:sectPr/></w:body></w:document>',
    );
    expect(() => withParagraphs('<w:document/>', [])).toThrow('缺少正文');
  });

  it('names the title on one line, the app as author and last editor, and the time of export in core.xml', () => {
    const xml = corePropertiesXml(
      '青石镇关于2025年度\n法治政府建设情况的报告 & 附件',
      new Date(Date.UTC(2026, 0, 15, 8, 30)),
    );
    expect(xml).toContain('<dc:title>青石镇关于2025年度法治政府建设情况的报告 &amp; 附件</dc:title>');
    expect(xml).toContain('<dc:creator>法治年报助手</dc:creator><cp:lastModifiedBy>法治年报助手</cp:lastModifiedBy>');
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-15T08:30:00.000Z</dcterms:created>');
    expect(corePropertiesXml('', new Date())).not.toContain('<dc:title>');
  });
});
