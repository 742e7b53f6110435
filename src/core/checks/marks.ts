/**
 * Marks (checks.md "Language", GB/T 15834-2011).
 * punct.range: a span of years with a hyphen ("2021-2025年": 一字线 "2021—2025年", as the 纲要's own title
 * writes it), a range of amounts with a hyphen ("3-5天": 浪纹线 "3～5天"; months and days are time: "1—6月").
 * punct.ellipsis (advice): "..." or "。。。" for "……" (but "。。" is a doubled full stop), "、" before "等", a doubled mark, a part heading
 * that ends with a mark. Ranges with % or 万 are number.form's (numbers.ts), so they are not reported twice.
 */
import type { TextLine } from '../model/plainText';
import { at, type RawFinding } from './context';
import { severityOf } from './catalogue';

const YEAR_SPAN = /(?<![\d\-－–.．/A-Za-z:：#])((?:19|20)\d{2})(年)?\s*[-－–]\s*((?:19|20)\d{2})(?![\d\-－–.．/:])/g;
const UNITS = '公里|小时|分钟|课时|学时|[个天日月年次人件名家户项元场期批条款章节页届岁周倍层所座村组亩吨米本份册]';
const NUMBER_RANGE = new RegExp(
  `(?<![\\d\\-－–.．/A-Za-z:：#])(\\d{1,6}(?:\\.\\d+)?)\\s*[-－–]\\s*(\\d{1,6}(?:\\.\\d+)?)(?=\\s*(?:${UNITS}))`,
  'g',
);
/** "GB/T 9704-2012", "ISO 2001-2015": a standard's number and year, not a range. */
const STANDARD_BEFORE = /[A-Za-z]\s*$/;
const ELLIPSIS = /[.．·・]{3,}|。{3,}|(?<!…)…(?!…)/g;
const ENUM_BEFORE_DENG = /、(?=等(?![级次同候待额量号于]))/g;
/** Two marks in a row; a run of three 。 is an ellipsis (above), two are a doubled full stop. */
const DOUBLED = /[，、；：][，。、；：]|(?<!。)。[，、；：。](?!。)/g;

function rangeOfLine(line: TextLine): RawFinding[] {
  const text = line.text;
  if (!/\d年?\s*[-－–]\s*\d/.test(text)) return [];
  const findings: RawFinding[] = [];
  const years: Array<[number, number]> = [];
  for (const m of text.matchAll(YEAR_SPAN)) {
    const [, a, nian, b] = m;
    if (STANDARD_BEFORE.test(text.slice(0, m.index))) continue;
    if (Number(b) <= Number(a) || Number(b) - Number(a) > 30) continue;
    const fixed = `${a}${nian ?? ''}—${b}`;
    years.push([m.index, m.index + m[0].length]);
    findings.push(
      at(
        'punct.range',
        severityOf('punct.range'),
        `表示年份的起止用一字线“—”，不用连字符：“${m[0]}”应写作“${fixed}”。`,
        line,
        m.index,
        m.index + m[0].length,
        { label: `改为“${fixed}”`, replacement: fixed },
      ),
    );
  }
  for (const m of text.matchAll(NUMBER_RANGE)) {
    if (years.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    const [, a, b] = m;
    if (STANDARD_BEFORE.test(text.slice(0, m.index))) continue;
    if (/^(19|20)\d\d$/.test(a!) && /^(19|20)\d\d$/.test(b!)) continue;
    const unit = text.slice(m.index + m[0].length).trimStart()[0]!; // 公里/小时…: only the first character matters below
    // Months and days of the month are points in time: their span takes 一字线 like years do.
    const time = (unit === '月' && Number(b) <= 12) || (unit === '日' && /月$/.test(text.slice(0, m.index)));
    const mark = time ? '—' : '～';
    const fixed = `${a}${mark}${b}`;
    const what = time ? '表示时间的起止用一字线“—”' : '表示数值范围用浪纹线“～”';
    findings.push(
      at(
        'punct.range',
        severityOf('punct.range'),
        `${what}，不用连字符：“${m[0]}”应写作“${fixed}”。`,
        line,
        m.index,
        m.index + m[0].length,
        { label: `改为“${fixed}”`, replacement: fixed },
      ),
    );
  }
  return findings;
}

/** Both rules of this file on one line (attachment lines included). */
export function marksOfLine(line: TextLine): RawFinding[] {
  const text = line.text;
  const findings: RawFinding[] = rangeOfLine(line);
  if (/[.．·・。]{3}|…/.test(text))
    for (const m of text.matchAll(ELLIPSIS)) {
      findings.push(
        at(
          'punct.ellipsis',
          severityOf('punct.ellipsis'),
          `省略号应写作“……”（两个“…”），不用“${m[0]}”。`,
          line,
          m.index,
          m.index + m[0].length,
          { label: '改为“……”', replacement: '……' },
        ),
      );
    }
  if (text.includes('、等'))
    for (const m of text.matchAll(ENUM_BEFORE_DENG)) {
      findings.push(
        at(
          'punct.ellipsis',
          severityOf('punct.ellipsis'),
          '“等”前面不用顿号，请删去“、”。',
          line,
          m.index,
          m.index + 1,
          { label: '删去“、”', replacement: '' },
        ),
      );
    }
  for (const m of text.matchAll(DOUBLED)) {
    const [first, second] = [m[0][0]!, m[0][1]!];
    const keep = first === second ? first : first === '。' || second === '。' ? '。' : null;
    const message = `“${m[0]}”两个标点连用，只留一个。`;
    findings.push(
      at(
        'punct.ellipsis',
        severityOf('punct.ellipsis'),
        message,
        line,
        m.index,
        m.index + 2,
        keep ? { label: `改为“${keep}”`, replacement: keep } : undefined,
      ),
    );
  }
  if (line.kind === 'heading') {
    const last = /[，。；：、,.;:]$/.exec(text);
    if (last)
      findings.push(
        at(
          'punct.ellipsis',
          severityOf('punct.ellipsis'),
          `标题末尾不用标点，请删去“${last[0]}”。`,
          line,
          last.index,
          last.index + 1,
          { label: '删去末尾标点', replacement: '' },
        ),
      );
  }
  return findings;
}
