/**
 * number.form (checks.md "Language", GB/T 15835-2011): a two-digit year ("23年3月" for 2023年3月), "8月1号"
 * for 8月1日, a range that drops the first unit ("15～30%" for 15%～30%, "3～5万" for 3万～5万), full-width
 * digits, a decimal without its leading 0, Chinese numerals and figures mixed in one count ("5千余份", "二十3",
 * "3十", "10几" for 十几). Each with its fix. Only numerals next to a figure are judged, so fixed expressions
 * written in Chinese numerals (一是, 十四五, 三重一大, 十九届三中全会) are never touched.
 */
import type { TextLine } from '../model/plainText';
import { at, type RawFinding } from './context';
import { severityOf } from './catalogue';
import { halfWidthDigits } from '../text/numerals';
import { headingNumber } from '../text/numbering';

const RULE = 'number.form';
const FULL_DIGITS = /[０-９]+(?:[．.][０-９]+)?/g;
/** "23年3月", "23年度": preceded by no figure, letter or word that makes it a span of years (近10年, 满12年). */
const SHORT_YEAR =
  /(?<![\d０-９A-Za-z.．/\-近满共约第余了达逾超过历每前后这那续计长时用])(['’‘]?)(\d{2})年(?=(?:度|\d{1,2}月(?!份?[内以左])))/g;
const HAO = /(\d{1,2})月(\d{1,2})号(?![文楼院房线令码楼栋室])/g;
/** "15～30%", "3-5万元": the first number lacks the % or 万 of the second. */
const RANGE_UNIT = /(?<![\d.%％])(\d+(?:\.\d+)?)\s*([～~〜\-－—至到])\s*(\d+(?:\.\d+)?)(%|％|万|亿)/g;
const BARE_DECIMAL = /(?<=^|[\u4e00-\u9fff，。；：、（\s])[.．](\d+)(?=%|％|[\u4e00-\u9fff])/g;
/** "5千余份", "3百人": 千 and 百 written after figures (千米, 千克, 千瓦, 百分 are units, not numbers). */
const MIXED = /(?<![\d.])(\d+(?:\.\d+)?)(千|百)(?![米克瓦伏帕焦卡分兆字])/g;

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUMERAL = '一二三四五六七八九十百千万零〇两';
/** "二十3", "十5": tens in Chinese, units in a figure (not part of a longer Chinese number such as 一百二十). */
const TENS_FIGURE = new RegExp(`(?<![${CN_NUMERAL}\\d.])([二三四五六七八九]?)十(\\d)(?![\\d.．])`, 'g');
/** "3十", "2十5": a figure before 十 (十佳, 十大, 十强 are names of awards and lists, not counts). */
const FIGURE_TENS = /(?<![\d.．])([1-9])十(\d)?(?![\d.．佳大强全美足字])/g;
/** "10几", "几10": a rough count with 几 is written in Chinese numerals (十几, 几十, 几百). */
const FIGURE_JI = /(?<![\d.．])(\d{2,5})几(?![乎率何经度])|几(10|100|1000|10000)(?![\d.．])/g;
const CN_TENS = ['', '十', '二十', '三十', '四十', '五十', '六十', '七十', '八十', '九十'];
const CN_POWER: Record<string, string> = { '10': '十', '100': '百', '1000': '千', '10000': '万' };

/** "10几" → "十几", "20几" → "二十几", "100几" → "一百几"; null for a figure with no such reading (15几). */
function roughOf(figure: string): string | null {
  const n = Number(figure);
  if (n % 10 === 0 && n >= 10 && n <= 90) return `${CN_TENS[n / 10]}几`;
  if (n === 100) return '一百几';
  return null;
}

function mixedOfLine(line: TextLine, findings: RawFinding[]): void {
  const text = line.text;
  const push = (from: number, to: number, fixed: string) =>
    findings.push(
      at(
        RULE,
        severityOf(RULE),
        `同一个数里汉字数字和阿拉伯数字不能混用：“${text.slice(from, to)}”应写作“${fixed}”。`,
        line,
        from,
        to,
        { label: `改为“${fixed}”`, replacement: fixed },
      ),
    );
  if (text.includes('十')) {
    for (const m of text.matchAll(TENS_FIGURE))
      push(m.index, m.index + m[0].length, String((m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + Number(m[2])));
    for (const m of text.matchAll(FIGURE_TENS))
      push(m.index, m.index + m[0].length, String(Number(m[1]) * 10 + Number(m[2] ?? 0)));
  }
  if (text.includes('几'))
    for (const m of text.matchAll(FIGURE_JI)) {
      const fixed = m[1] ? roughOf(m[1]) : `几${CN_POWER[m[2]!]}`;
      if (fixed) push(m.index, m.index + m[0].length, fixed);
    }
}

function plausibleYear(yy: number): boolean {
  // A two-digit year in this report is this century's: 00–49.
  return yy <= 49;
}

/** Full-width digits (２０２６年) in any line of the report, the title and the 成文日期 included: half-width in a 公文. */
export function fullWidthDigitsOfLine(line: TextLine): RawFinding[] {
  const text = line.text;
  if (!/[０-９]/.test(text)) return [];
  return [...text.matchAll(FULL_DIGITS)].map((m) => {
    const half = halfWidthDigits(m[0]).replace('．', '.');
    return at(
      RULE,
      severityOf(RULE),
      `“${m[0]}”用了全角数字，应写作半角阿拉伯数字“${half}”。`,
      line,
      m.index,
      m.index + m[0].length,
      { label: `改为“${half}”`, replacement: half },
    );
  });
}

export function numbersOfLine(line: TextLine): RawFinding[] {
  const text = line.text;
  if (!/[\d０-９]/.test(text)) return [];
  const findings = fullWidthDigitsOfLine(line);
  if (!/\d/.test(text)) return findings;
  if (text.includes('年'))
    for (const m of text.matchAll(SHORT_YEAR)) {
      const yy = Number(m[2]);
      if (!plausibleYear(yy)) continue;
      const full = String(2000 + yy);
      findings.push(
        at(
          RULE,
          severityOf(RULE),
          `年份不能简写：“${m[2]}年”应写作“${full}年”。`,
          line,
          m.index,
          m.index + m[0].length - 1,
          { label: `改为“${full}年”`, replacement: full, to: m.index + m[0].length - 1 },
        ),
      );
    }
  if (text.includes('号'))
    for (const m of text.matchAll(HAO)) {
      const to = m.index + m[0].length;
      findings.push(
        at(RULE, severityOf(RULE), `公文中日期写作“${m[1]}月${m[2]}日”，不用“号”。`, line, m.index, to, {
          label: '改为“日”',
          replacement: '日',
          from: to - 1,
          to,
        }),
      );
    }
  if (/[%％万亿]/.test(text))
    for (const m of text.matchAll(RANGE_UNIT)) {
      const [, a, sep, b, unit] = m;
      if (a!.length > 6 || b!.length > 6) continue;
      // A hyphen or half-width tilde becomes the 浪纹线 of GB/T 15834; 至, 到 and ～ stay as written.
      const mark = /[-－~〜]/.test(sep!) ? '～' : sep;
      const fixed = `${a}${unit}${mark}${b}${unit}`;
      findings.push(
        at(
          RULE,
          severityOf(RULE),
          `数值范围的两个数都要带“${unit}”：“${m[0]}”应写作“${fixed}”。`,
          line,
          m.index,
          m.index + m[0].length,
          { label: `改为“${fixed}”`, replacement: fixed },
        ),
      );
    }
  if (/[.．]/.test(text))
    for (const m of text.matchAll(BARE_DECIMAL)) {
      // "一．2025年度工作情况": the point is the heading number's mark (heading.punctuation's business), no decimal.
      if (m.index < (headingNumber(text)?.number.length ?? 0)) continue;
      const fixed = `0.${m[1]}`;
      findings.push(
        at(RULE, severityOf(RULE), `小数点前不能省略“0”：应写作“${fixed}”。`, line, m.index, m.index + m[0].length, {
          label: `改为“${fixed}”`,
          replacement: fixed,
        }),
      );
    }
  mixedOfLine(line, findings);
  if (/[千百]/.test(text))
    for (const m of text.matchAll(MIXED)) {
      const value = Number(m[1]) * (m[2] === '千' ? 1000 : 100);
      if (!Number.isInteger(value)) continue;
      const fixed = String(value);
      findings.push(
        at(
          RULE,
          severityOf(RULE),
          `阿拉伯数字和汉字数字不宜混用：“${m[0]}”应写作“${fixed}”（或全用汉字）。`,
          line,
          m.index,
          m.index + m[0].length,
          { label: `改为“${fixed}”`, replacement: fixed },
        ),
      );
    }
  return findings;
}
