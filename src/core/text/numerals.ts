/** Chinese numerals as 公文 write them: 一…十、十一…九十九 for numbers, 二〇二五 for years. */

const DIGITS = '零一二三四五六七八九';
/** The value of each Chinese digit, as years (二〇二五) and counts (九十八) write them. */
export const CHINESE_DIGIT_VALUE: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters that may make up a small Chinese number (for regular expressions). */
export const CN_NUMBER_CHARS = '一二三四五六七八九十';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一 (as part headings are numbered). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return n === 10 ? '十' : DIGITS[n]!;
  if (n < 20) return '十' + DIGITS[n - 10]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return DIGITS[tens]! + '十' + (ones ? DIGITS[ones]! : '');
}

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23, 一百 → 100; NaN when not a small numeral. */
export function chineseValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c === '百') {
      total += (digit < 0 ? 1 : digit) * 100;
      digit = -1;
    } else if (c === '十') {
      total += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else if (c in CHINESE_DIGIT_VALUE) {
      digit = CHINESE_DIGIT_VALUE[c]!;
    } else {
      return NaN;
    }
  }
  return total + (digit < 0 ? 0 : digit);
}

/** "二〇二三" → 2023 (digit by digit, as years are written); undefined unless four digits. */
export function chineseYearDigits(s: string): number | undefined {
  // A Latin O typed for 〇 ("二O二五年", common where the input method lacks 〇) is a zero only inside a year.
  const digits = [...s].map((c) => (c === 'O' || c === 'o' ? 0 : CHINESE_DIGIT_VALUE[c]));
  if (digits.length !== 4 || digits.some((d) => d === undefined)) return undefined;
  return Number(digits.join(''));
}

/** Full-width digits ０–９: typed by some input methods and kept by some portals. */
export const FULL_WIDTH_DIGIT = /[０-９]/;

/**
 * "２０２４" → "2024": every full-width digit as its half-width one, one character for one, so offsets into
 * the text stay valid. Whoever reads a figure or a year reads it through this; number.form alone sees the
 * digits as typed, to say they should be half-width.
 */
export function halfWidthDigits(text: string): string {
  return FULL_WIDTH_DIGIT.test(text)
    ? text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    : text;
}

/** Characters that may make up a year written in Chinese digits (a Latin O too: "二O二五"). */
export const CN_YEAR_CHARS = '〇零○ＯOo一二三四五六七八九';

const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "228" → 228, "2124.9" → 2124.9, "两万" → 20000, "三百" → 300, "十二" → 12, "1.5万" → 15000, "九十八点五" → 98.5. */
export function parseNumber(text: string): number | undefined {
  const t = text.replace(/,/g, '');
  const wan = /^(.+?)万$/.exec(t);
  if (wan) {
    const base = parseNumber(wan[1]!);
    return base === undefined ? undefined : base * 10000;
  }
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const point = t.indexOf('点');
  if (point > 0) {
    const whole = parseNumber(t.slice(0, point));
    const frac = [...t.slice(point + 1)].map((ch) => CHINESE_DIGIT_VALUE[ch]);
    if (whole === undefined || !frac.length || frac.some((d) => d === undefined)) return undefined;
    return Number(`${whole}.${frac.join('')}`);
  }
  if (!t) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in CHINESE_DIGIT_VALUE) digit = CHINESE_DIGIT_VALUE[ch]!;
    else if (ch in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}
