/**
 * What a .docx's styles say about a paragraph beyond its heading name: its outline level (w:outlineLvl,
 * which Word's navigation pane shows as a heading whatever the style is called) and whether its text is
 * bold. Both follow the basedOn chain as Word does. Many real reports mark their parts only this way: a
 * custom style "一级标题" with an outline level, or a plain paragraph typed in bold.
 */
import { child, children, parse, val, xmlParser } from './docxNumbering';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface StyleFormatting {
  /** Outline level 0–8 by paragraph style id (9 is "body text" and is left out). */
  outline: Map<string, number>;
  /** Bold (true) or explicitly not bold (false) by style id, paragraph and character styles alike. */
  bold: Map<string, boolean>;
}

/** w:b / w:outlineLvl toggles: absent val is on; "0", "false", "off" are off. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !/^(0|false|off)$/i.test(value);
}

export async function readStyleFormatting(stylesXml: string): Promise<StyleFormatting> {
  const result: StyleFormatting = { outline: new Map(), bold: new Map() };
  if (!/outlineLvl|<w:b\b/.test(stylesXml)) return result;
  const root = parse(await xmlParser(), stylesXml)?.documentElement;
  if (!root) return result;
  const own = new Map<string, { basedOn?: string; outline?: number; bold?: boolean }>();
  for (const style of children(root, 'style')) {
    const id = style.getAttributeNS(W, 'styleId') ?? style.getAttribute('w:styleId');
    if (!id) continue;
    const pPr = child(style, 'pPr');
    const rPr = child(style, 'rPr');
    const outlineEl = pPr && child(pPr, 'outlineLvl');
    const outline = outlineEl ? Number(val(outlineEl)) : undefined;
    const b = rPr && child(rPr, 'b');
    own.set(id, {
      basedOn: val(child(style, 'basedOn')),
      outline: outline !== undefined && Number.isInteger(outline) && outline >= 0 && outline <= 9 ? outline : undefined,
      bold: b ? isOn(val(b)) : undefined,
    });
  }
  for (const id of own.keys()) {
    let outline: number | undefined;
    let bold: boolean | undefined;
    // The chain is short in real files; the bound guards against a basedOn cycle.
    for (
      let at: string | undefined = id, hops = 0;
      at && hops < 20 && (outline === undefined || bold === undefined);
      hops++
    ) {
      const s = own.get(at);
      if (!s) break;
      outline ??= s.outline;
      bold ??= s.bold;
      at = s.basedOn;
    }
    if (outline !== undefined && outline < 9) result.outline.set(id, outline);
    if (bold !== undefined) result.bold.set(id, bold);
  }
  return result;
}
