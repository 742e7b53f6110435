/**
 * Parts of the .docx package that docx writes empty or wrong, written here instead (pure, no docx): the
 * font table with each font's fallback, the application properties, and footnote/endnote separators
 * without the reference style docx names but never defines. packageSource.ts puts them over docx's own
 * parts when the package is generated, once per font profile.
 */
import { FONT_FALLBACKS, requiredFonts, type FontProfileId } from './fonts';
import { escapeXml } from './paragraphs';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const FONT_TABLE_PART = 'word/fontTable.xml';
export const APP_PROPERTIES_PART = 'docProps/app.xml';
export const FOOTNOTES_PART = 'word/footnotes.xml';
export const ENDNOTES_PART = 'word/endnotes.xml';

/**
 * word/fontTable.xml: every font the profile names, with its w:altName, so Word and WPS set 仿宋 where
 * 仿宋_GB2312 is missing instead of a font of their own choosing. Children in CT_Font's order.
 */
export function fontTableXml(profile: FontProfileId): string {
  const fonts = requiredFonts(profile).map((name) => {
    const font = FONT_FALLBACKS[name];
    if (!font) return `<w:font w:name="${escapeXml(name)}"/>`;
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (font.altName ? `<w:altName w:val="${escapeXml(font.altName)}"/>` : '') +
      `<w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`
    );
  });
  return `${DECLARATION}<w:fonts ${W}>${fonts.join('')}</w:fonts>`;
}

/** docProps/app.xml: the application that wrote the file, shown in Word's and WPS's 属性 (docx left it empty). */
export function appPropertiesXml(): string {
  return (
    DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Template>Normal.dotm</Template><Application>法治年报助手</Application><DocSecurity>0</DocSecurity>' +
    '<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}

/**
 * word/footnotes.xml or word/endnotes.xml: the two separators Word writes (the rule above notes, and its
 * continuation), as Word writes them: no reference mark in them, so no style they would need.
 */
export function notesXml(kind: 'footnote' | 'endnote'): string {
  const separator = (type: string, id: number, mark: string) =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${mark}/></w:r></w:p></w:${kind}>`;
  return `${DECLARATION}<w:${kind}s ${W}>${separator('separator', -1, 'separator')}${separator('continuationSeparator', 0, 'continuationSeparator')}</w:${kind}s>`;
}

/** The parts above for a font profile, path → XML. */
export function packageOverrides(profile: FontProfileId): Map<string, string> {
  return new Map([
    [FONT_TABLE_PART, fontTableXml(profile)],
    [APP_PROPERTIES_PART, appPropertiesXml()],
    [FOOTNOTES_PART, notesXml('footnote')],
    [ENDNOTES_PART, notesXml('endnote')],
  ]);
}
