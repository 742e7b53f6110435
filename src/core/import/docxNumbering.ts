/**
 * Word's automatic numbering (word/numbering.xml + w:numPr) turned into the literal numbers a reader sees:
 * "一、", "（一）", "1.", "第一部分". Real reports number their parts this way as often as by typing the
 * numbers; without this the importer sees no heading at all. Levels, lvlText ("%1、", "（%2）"), start
 * values, start overrides, restarts of lower levels, numFmt (decimal, chineseCounting, ideographTraditional,
 * enclosed forms…), legal numbering and numbering attached to a paragraph style are followed as Word does.
 */
import type { DOMParser as XmlParser } from '@xmldom/xmldom';
import { chineseNumeral } from '../text/numerals';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  start: number;
  format: string;
  text: string;
  /** Level (0-based) whose increment restarts this one; -1 never; undefined: any higher level. */
  restart?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
}

interface Num {
  abstractId: string;
  starts: Map<number, number>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, Num>;
  /** Numbering a paragraph style carries (Heading 1 linked to a multilevel list). */
  styles: Map<string, { numId: string; ilvl: number }>;
}

type El = Element;

export function children(parent: El, name: string): El[] {
  const out: El[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as El).localName === name && (n as El).namespaceURI === W) out.push(n as El);
  }
  return out;
}
export const child = (parent: El, name: string): El | undefined => children(parent, name)[0];
export const val = (el: El | undefined): string | undefined =>
  el ? (el.getAttributeNS(W, 'val') ?? el.getAttribute('w:val') ?? undefined) || undefined : undefined;
const intVal = (el: El | undefined): number | undefined => {
  const v = val(el);
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export type Parser = typeof XmlParser;

/** The XML parser, loaded when a file first needs it: most files have no numbering, and every CLI run would pay its load. */
export async function xmlParser(): Promise<Parser> {
  const module = (await import('@xmldom/xmldom')) as { DOMParser?: Parser; default?: { DOMParser: Parser } };
  return module.DOMParser ?? module.default!.DOMParser;
}

/** An XML part as a DOM, or undefined when it is not well-formed (the caller then reads no numbering). */
export function parse(DOMParser: Parser, xml: string): Document | undefined {
  let failed = false;
  const fail = () => {
    failed = true;
  };
  try {
    const doc = new DOMParser({
      errorHandler: { warning: () => undefined, error: fail, fatalError: fail },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
    return failed ? undefined : doc;
  } catch {
    return undefined;
  }
}

export async function readNumbering(
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): Promise<NumberingDefinitions> {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  if (!numberingXml) return defs;
  const DOMParser = await xmlParser();
  const numbering = parse(DOMParser, numberingXml)?.documentElement;
  if (numbering) {
    for (const abs of children(numbering, 'abstractNum')) {
      const id = abs.getAttributeNS(W, 'abstractNumId') ?? abs.getAttribute('w:abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, Level>();
      for (const lvl of children(abs, 'lvl')) {
        const ilvl = Number(lvl.getAttributeNS(W, 'ilvl') ?? lvl.getAttribute('w:ilvl'));
        if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) continue;
        const restart = intVal(child(lvl, 'lvlRestart'));
        const suffix = val(child(lvl, 'suff'));
        const legal = child(lvl, 'isLgl');
        levels.set(ilvl, {
          start: intVal(child(lvl, 'start')) ?? 0,
          format: val(child(lvl, 'numFmt')) ?? 'decimal',
          text: child(lvl, 'lvlText')?.getAttributeNS(W, 'val') ?? child(lvl, 'lvlText')?.getAttribute('w:val') ?? '',
          ...(restart === undefined ? {} : { restart: restart === 0 ? -1 : restart - 1 }),
          legal: legal !== undefined && val(legal) !== '0' && val(legal) !== 'false',
          suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
        });
      }
      defs.abstracts.set(id, levels);
    }
    for (const num of children(numbering, 'num')) {
      const id = num.getAttributeNS(W, 'numId') ?? num.getAttribute('w:numId');
      const abstractId = val(child(num, 'abstractNumId'));
      if (id === null || abstractId === undefined) continue;
      const starts = new Map<number, number>();
      for (const o of children(num, 'lvlOverride')) {
        const ilvl = Number(o.getAttributeNS(W, 'ilvl') ?? o.getAttribute('w:ilvl'));
        const start = intVal(child(o, 'startOverride'));
        if (Number.isInteger(ilvl) && start !== undefined) starts.set(ilvl, start);
      }
      defs.nums.set(id, { abstractId, starts });
    }
  }
  const styles = stylesXml ? parse(DOMParser, stylesXml)?.documentElement : undefined;
  if (styles) {
    for (const style of children(styles, 'style')) {
      const id = style.getAttributeNS(W, 'styleId') ?? style.getAttribute('w:styleId');
      const numPr = child(child(style, 'pPr') ?? style, 'numPr');
      const numId = val(child(numPr ?? style, 'numId'));
      if (id && numPr && numId) defs.styles.set(id, { numId, ilvl: intVal(child(numPr, 'ilvl')) ?? 0 });
    }
  }
  return defs;
}

const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';

function letters(n: number, base: string): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = base[(k - 1) % 26]! + s;
  return s;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) {
    while (k >= v) {
      s += r;
      k -= v;
    }
  }
  return s;
}

/** One counter value in a Word number format, as Word displays it (for the values a report reaches). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumeral(n);
    case 'ideographTraditional':
      return HEAVENLY[n - 1] ?? String(n);
    case 'ideographZodiac':
      return EARTHLY[n - 1] ?? String(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return n <= 10 ? (n === 10 ? '壹拾' : LEGAL[n]!) : n < 20 ? `壹拾${LEGAL[n - 10]}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts the numbered paragraphs of one document in order and gives each its label. */
export class NumberingCounter {
  /** Counters by abstract numbering and level; a list continues across nums that share an abstract. */
  private readonly counters = new Map<string, number[]>();
  private readonly overridden = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  get empty(): boolean {
    return this.defs.nums.size === 0;
  }

  /** The numbering of a paragraph from its own numPr, else from its style. */
  resolve(
    numId: string | undefined,
    ilvl: number | undefined,
    style: string | undefined,
  ): { numId: string; ilvl: number } | undefined {
    const fromStyle = style === undefined ? undefined : this.defs.styles.get(style);
    const id = numId ?? fromStyle?.numId;
    if (id === undefined || id === '0') return undefined;
    return { numId: id, ilvl: ilvl ?? (numId === undefined ? fromStyle?.ilvl : undefined) ?? fromStyle?.ilvl ?? 0 };
  }

  /** The label Word shows before the paragraph's text ("一、", "（二）"), or "" when none. */
  next(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    const levels = num && this.defs.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    let counts = this.counters.get(num.abstractId);
    if (!counts) this.counters.set(num.abstractId, (counts = []));
    const startOf = (k: number) => num.starts.get(k) ?? levels.get(k)?.start ?? 0;
    // A num that overrides its start restarts the list the first time it is used.
    if (!this.overridden.has(numId) && num.starts.size) {
      this.overridden.add(numId);
      for (const k of num.starts.keys()) counts[k] = undefined as unknown as number;
    }
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k <= 8; k++) {
      const lower = levels.get(k);
      if (!lower) continue;
      const restart = lower.restart;
      if (restart === -1) continue;
      if (restart === undefined || ilvl <= restart) counts[k] = undefined as unknown as number;
    }
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const value = counts![k] ?? startOf(k);
      return formatNumber(value, level.legal && k !== ilvl ? 'decimal' : (levels.get(k)?.format ?? 'decimal'));
    });
    if (level.format === 'bullet' || label === '') return '';
    // Word sets a tab or a space after the number; a reader sees a gap only after a word or a digit ("第一部分 ").
    return level.suffix !== 'nothing' && /[\p{L}\p{N}]$/u.test(label) && !/[、．.）)]$/.test(label)
      ? `${label} `
      : label;
  }
}
