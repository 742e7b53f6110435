/** Form (checks.md "Form"): punctuation width and pairs, the title, the signature and date. */
import type { TextLine } from '../model/plainText';
import { at, perLine, type CheckContext, type RawFinding } from './context';
import { severityOf } from './catalogue';
import { authorsIn, unitFromAuthor, unitKind, yearInTitle } from '../import/meta';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》、。]/;
const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '?': '？',
  '!': '！',
};
const HALF_WIDTH = /[,;:()?!]/g;
/** How far to look for the Chinese that bounds a run of Latin text (a web page's long English stays cheap). */
const RUN_LIMIT = 100;
/** Quotes and title marks: Chinese characters, but they enclose English titles ("《Hello, world》"). */
const ENCLOSING = /[“”‘’《》〈〉「」『』]/;

/**
 * A comma that separates thousands: 1–3 digits before it (no % or unit in between) and exactly three after
 * it, then no further digit — "1,000", "12,345,678", "5,120人". Not "25%,2人", "3,5个", "1,2月", "第1,2条".
 */
function thousandsComma(text: string, i: number): boolean {
  let before = 0;
  while (before < 4 && /\d/.test(text[i - 1 - before] ?? '')) before++;
  if (before < 1 || before > 3) return false;
  return /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));
}

/** A web address around `i` (its marks are the address's own). */
function inUrl(text: string, i: number): boolean {
  for (const m of text.matchAll(/(?:https?|ftp):\/\/[!-~]+|www\.[!-~]+/gi))
    if (i >= m.index && i < m.index + m[0].length) return true;
  return false;
}

/**
 * Whether Chinese is next to the mark, past the figure, code or address touching it ("25%,2人", "增长25%,2人",
 * "qsz@example.cn,sfs@example.cn两个邮箱"): the nearest run of non-space characters on either side reaches a
 * Chinese one. English words were ruled out before (inEnglishRun).
 */
function nearChinese(text: string, i: number): boolean {
  for (const step of [-1, 1]) {
    let k = i + step;
    if (text[k] === ' ') k += step;
    for (let n = 0; n < RUN_LIMIT && k >= 0 && k < text.length && !/\s/.test(text[k]!); n++, k += step)
      if (CJK.test(text[k]!)) return true;
  }
  return false;
}

/** The Latin run beside the mark at `i`, in `step`'s direction, up to the nearest Chinese character. */
function latinRun(text: string, i: number, step: 1 | -1): string {
  let k = i + step;
  for (let n = 0; n < RUN_LIMIT && k >= 0 && k < text.length && !CJK.test(text[k]!); n++) k += step;
  return step < 0 ? text.slice(k + 1, i) : text.slice(i + 1, k);
}

/** The English words of a run: letters only, two or more ("Office", "don't"), not codes (PM10, x.cn, A). */
function englishWords(run: string): string[] {
  return run
    .split(/[\s,;:?!]+/)
    .map((token) => token.replace(/^['"([]+|['".)\]]+$/g, ''))
    .filter((token) => /^[A-Za-z]{2,}(?:['’-][A-Za-z]+)*$/.test(token));
}

/**
 * Whether the mark at `i` is English punctuation inside English words written in Chinese prose: "Hello, world",
 * "Windows 10, Office 2016", "《Java: The Good Parts》", "《Who Moved My Cheese?》", "Smith, J.". Words of two
 * letters or more on both sides and a space between words (English spacing), or lower-case words touching the
 * mark ("Hello,world"). Single letters and codes between Chinese ("采用A,B两种", "PM2.5,PM10", "AB,CD") are not
 * English: their mark is the sentence's own.
 */
function inEnglishRun(text: string, i: number): boolean {
  const left = latinRun(text, i, -1);
  const right = latinRun(text, i, 1);
  const before = englishWords(left);
  const after = englishWords(right);
  // A question or exclamation ending an English title or sentence: English words before it, none after.
  if ((text[i] === '?' || text[i] === '!') && before.length >= 2 && /\s/.test(left) && !/[A-Za-z0-9]/.test(right))
    return true;
  const lower = (word: string) => word.length >= 3 && /[a-z]/.test(word);
  const spaced = /\s/.test(left + right);
  // An author's initials after a name ("Smith, J."): a real word on one side, a letter on the other.
  if (spaced && /^\s+[A-Z]\./.test(right) && before.some(lower)) return true;
  if (before.length === 0 || after.length === 0) return false;
  if (spaced) return true;
  const touching = (run: string, last: boolean) => {
    const words = run.split(/[^A-Za-z'’-]+/);
    return (last ? words[words.length - 1] : words[0]) ?? '';
  };
  return lower(touching(left, true)) && lower(touching(right, false));
}

/** Whether the half-width mark at `i` sits in Chinese text (not 9:30, 1,000, 3.5, URLs, ISO 9001:2015). */
function inChineseText(text: string, i: number): boolean {
  const ch = text[i]!;
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  if (ch === ':' && /\d/.test(prev) && /\d/.test(next)) return false;
  if (ch === ',' && thousandsComma(text, i)) return false;
  if (ch === ':' && /^\/\//.test(text.slice(i + 1))) return false;
  if (ch === '(' || ch === ')') {
    const close = ch === '(' ? text.indexOf(')', i) : i;
    const open = ch === ')' ? text.lastIndexOf('(', i) : i;
    if (open >= 0 && close > open)
      return CJK.test(text.slice(open + 1, close)) || CJK.test(text[open - 1] ?? '') || CJK.test(text[close + 1] ?? '');
  }
  // Chinese touching the mark decides, unless it is only the quote or title mark around an English title.
  const chineseBeside = (c: string, other: string) => CJK.test(c) && !(ENCLOSING.test(c) && !CJK.test(other));
  if (chineseBeside(prev, next) || chineseBeside(next, prev)) return true;
  if (inUrl(text, i) || inEnglishRun(text, i)) return false;
  return nearChinese(text, i);
}

/** punct.width: one finding per line, with a fix that converts every half-width mark in it. */
function widthOfLine(line: TextLine): RawFinding[] {
  {
    if (line.kind === 'date' || !/[,;:()?!]/.test(line.text)) return [];
    const positions: number[] = [];
    // Visit only the half-width marks, not every character of the line.
    for (const m of line.text.matchAll(HALF_WIDTH)) if (inChineseText(line.text, m.index)) positions.push(m.index);
    if (positions.length === 0) return [];
    const from = positions[0]!;
    const to = positions[positions.length - 1]! + 1;
    const chars = [...line.text.slice(from, to)];
    const marked = new Set(positions);
    const fixed = chars.map((c, k) => (marked.has(from + k) ? HALF_TO_FULL[c]! : c)).join('');
    const marks = [...new Set(positions.map((p) => line.text[p]))].join(' ');
    return [
      at(
        'punct.width',
        severityOf('punct.width'),
        `这一段有 ${positions.length} 处半角标点（${marks}），中文里应使用全角标点。`,
        line,
        from,
        to,
        {
          label: '本段改为全角',
          replacement: fixed,
        },
      ),
    ];
  }
}

function checkWidth(ctx: CheckContext): RawFinding[] {
  const findings = perLine('punct.width', ctx.plain.lines, widthOfLine).map((f) => ({ ...f }));
  const total = findings.reduce((n, f) => n + Number(/有 (\d+) 处/.exec(f.message)?.[1] ?? 0), 0);
  // Text copied from a web page has half-width marks everywhere: one warning for the document, and the
  // paragraphs as advice with their fixes, rather than a wall of warnings.
  if (findings.length > 3) {
    for (const f of findings) f.severity = severityOf('punct.width', 'many');
    findings.unshift(
      at(
        'punct.width',
        severityOf('punct.width'),
        `全文有 ${findings.length} 段共 ${total} 处半角标点（如 , : ( )），中文里应使用全角标点。可在“建议”中逐段一键改正，或用“全部改正”一次改完这 ${findings.length} 段。`,
        null,
      ),
    );
  }
  return findings;
}

const PAIRS: Array<[string, string, string]> = [
  ['“', '”', '引号'],
  ['《', '》', '书名号'],
  ['（', '）', '括号'],
  ['(', ')', '括号'],
  ['【', '】', '方括号'],
];

/** punct.pairs: an opening mark without its closing one (or the reverse) within a paragraph. */
function checkPairs(ctx: CheckContext): RawFinding[] {
  return perLine('punct.pairs', ctx.plain.lines, pairsOfLine);
}

function pairsOfLine(line: TextLine): RawFinding[] {
  const findings: RawFinding[] = [];
  {
    if (!/[“”《》（）()【】]/.test(line.text)) return [];
    for (const [open, close, name] of PAIRS) {
      if (!line.text.includes(open) && !line.text.includes(close)) continue;
      let depth = 0;
      let firstOpen = -1;
      for (let i = 0; i < line.text.length; i++) {
        const ch = line.text[i];
        if (ch === open) {
          if (depth === 0) firstOpen = i;
          depth++;
        } else if (ch === close) {
          if (depth === 0) {
            findings.push(
              at(
                'punct.pairs',
                severityOf('punct.pairs'),
                `这里的“${close}”前面没有对应的“${open}”，${name}不成对。`,
                line,
                i,
                i + 1,
              ),
            );
          } else depth--;
        }
      }
      if (depth > 0)
        findings.push(
          at(
            'punct.pairs',
            severityOf('punct.pairs'),
            `这里的“${open}”后面没有对应的“${close}”，${name}不成对。`,
            line,
            firstOpen,
            firstOpen + 1,
          ),
        );
    }
  }
  return findings;
}

/** title.form: the title names the unit and the year, and carries no punctuation but 书名号. */
function checkTitle(ctx: CheckContext): RawFinding[] {
  const lines = ctx.plain.lines.filter((l) => l.kind === 'title');
  if (lines.length === 0)
    return [
      at('title.form', severityOf('title.form'), '报告没有标题。请在“报告信息”中填写标题，写明单位和年度。', null),
    ];
  const title = lines.map((l) => l.text).join('');
  const lacks: string[] = [];
  const unit = ctx.doc.meta.unit.trim();
  const squashed = (t: string) => t.replace(/\s+/g, '');
  // A 述职 names its author on the line under the title ("XX乡党委书记 张某"): the unit stands there.
  const authorLine = ctx.plain.lines.find((l) => l.part === 'opening' && l.kind === 'paragraph');
  const byline =
    ctx.template.kind !== 'annual' && authorLine && authorLine.text.length <= 40 && !/[。；，]/.test(authorLine.text)
      ? authorLine.text
      : '';
  if (unit && !squashed(title + byline).includes(squashed(unit))) lacks.push('单位');
  // "二〇二五年度" names the year as well as "2025年度" does.
  if (yearInTitle(title) === undefined) lacks.push('年度');
  const findings: RawFinding[] = [];
  if (lacks.length) {
    const example = ctx.template.titleFormat
      .replaceAll('{unit}', unit || '（单位）')
      .replaceAll('{year}', String(ctx.year ?? '（年份）'));
    findings.push(
      at(
        'title.form',
        severityOf('title.form'),
        `标题中没有写明${lacks.join('和')}，例如“${example}”。`,
        lines[0]!,
        0,
        lines[0]!.text.length,
      ),
    );
  }
  for (const line of lines) {
    const m = /[，。、；：！？“”‘’,.;:!?"]/.exec(line.text.replace(/\d\.\d/g, '00'));
    if (m)
      findings.push(
        at(
          'title.form',
          severityOf('title.form'),
          `标题中除书名号外一般不用标点，请删去“${m[0]}”。`,
          line,
          m.index,
          m.index + 1,
        ),
      );
  }
  return findings;
}

/** signature.missing: 署名 and 成文日期 at the end. */
function checkSignature(ctx: CheckContext): RawFinding[] {
  const { signature, date } = ctx.doc.meta;
  const missing: string[] = [];
  if (!signature.some((s) => s.trim())) missing.push('署名');
  if (!date.trim()) missing.push('成文日期');
  if (missing.length === 0) return [];
  return [
    at(
      'signature.missing',
      severityOf('signature.missing'),
      `报告末尾缺少${missing.join('和')}。请在“报告信息”中填写。`,
      null,
    ),
  ];
}

/** 镇 and 乡 name their organs alike (XX镇人民政府, 中共XX乡委员会); a 街道 has 办事处 and 工作委员会. */
const levelOf = (unit: string) => (/街道$/.test(unit) ? '街道' : /[镇乡]$/.test(unit) ? '镇乡' : 'county');

/** A unit's place name and its level: 柳溪彝族乡 → 柳溪彝族 + 乡, 白沙县 → 白沙 + 县. */
const LEVEL = /(街道|[镇乡县区市旗州盟])$/;
/**
 * Whether two units are one: the same level and one place name within the other, so that a unit typed short
 * (柳溪乡) is the 柳溪彝族乡 of its 署名, and 白沙县 the 白沙彝族自治县; 柳溪乡 → 柳溪镇 or 白沙县 → 白沙区 is another unit.
 */
function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const [la, lb] = [LEVEL.exec(a)?.[1], LEVEL.exec(b)?.[1]];
  if (!la || la !== lb) return false;
  const [pa, pb] = [a.slice(0, -la.length), b.slice(0, -lb.length)];
  return pa.length >= 2 && pb.length >= 2 && (pa.includes(pb) || pb.includes(pa));
}

/** The organs a 署名 line names, as units: "中共柳溪镇委员会　柳溪镇人民政府" → 柳溪镇, 柳溪镇. */
function unitsSigned(line: string): string[] {
  // "柳 溪 镇 人 民 政 府": spaced out for the layout, read as one name (never a post and a person's name).
  const spacedOut = line
    .trim()
    .split(/\s+/)
    .every((piece) => piece.length <= 2);
  return authorsIn(spacedOut ? line.replace(/\s+/g, '') : line)
    .map(unitFromAuthor)
    .filter(Boolean);
}

/**
 * signature.unit: a 署名 that names another township (or county) than the report's unit — the old name left
 * after the unit was renamed (柳溪镇 → 柳溪街道) or in a draft from last year's report. Units are compared as the
 * importer names them (unitFromAuthor: no 中共, no county, no organ), so 中共柳溪镇委员会 and 柳溪镇人民政府 both
 * sign for 柳溪镇; a department's is compared by checkDepartmentSignature, a person's 署名 never.
 */
function checkSignatureUnit(ctx: CheckContext): RawFinding[] {
  const unit = unitFromAuthor(ctx.doc.meta.unit);
  const kind = unitKind(unit);
  if (kind === 'department') return checkDepartmentSignature(ctx, unit);
  if (kind !== 'township' && kind !== 'county') return [];
  const findings: RawFinding[] = [];
  for (const line of ctx.plain.lines) {
    if (line.kind !== 'signature' || !line.text.trim()) continue;
    const others = [...new Set(unitsSigned(line.text))].filter((u) => !sameUnit(u, unit) && unitKind(u) === kind);
    if (!others.length) continue;
    const named = others.map((u) => `“${u}”`).join('、');
    const bare = line.text.replace(/\s+/g, '');
    // Replacing the name is the whole fix when the organs keep their names (镇 ↔ 乡, a new place name, 县 → 区)
    // or the line is the bare name; 镇 → 街道 changes the organs too (人民政府 → 办事处), which the clerk writes.
    const mechanical =
      others.every((u) => line.text.includes(u)) &&
      (others.every((u) => levelOf(u) === levelOf(unit)) || others.includes(bare));
    let replacement = line.text;
    for (const u of others) replacement = replacement.replaceAll(u, unit);
    const organs =
      kind !== 'township'
        ? ''
        : levelOf(unit) === '街道'
          ? `，街道的署名如“中共${unit}工作委员会”“${unit}办事处”`
          : `，如“中共${unit}委员会”“${unit}人民政府”`;
    findings.push(
      at(
        'signature.unit',
        severityOf('signature.unit'),
        `署名“${line.text.trim()}”${others.includes(bare) ? '' : `中的${named}`}与报告单位“${unit}”不一致。单位更名或沿用往年报告时容易漏改署名，请改为本单位的名称${organs}。`,
        line,
        0,
        line.text.length,
        mechanical ? { label: `改为“${replacement.trim()}”`, replacement } : undefined,
      ),
    );
  }
  return findings;
}

/** A department's name as a 署名 gives it: no 中共, no 党组/党委 after it, no （盖章）. */
function departmentName(piece: string): string {
  const name = piece
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/^(中共|中国共产党)/, '')
    .replace(/(党组|党委|机关党委|党总支)$/, '');
  return unitKind(unitFromAuthor(name)) === 'department' ? name : '';
}

/** Whether `short` could be `long` written short: its characters in order within it (市场监管局 ⊂ 青川县市场监督管理局, 人社局). */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 3 || short.at(-1) !== long.at(-1)) return false;
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * signature.unit for a department: a 署名 naming another department (a colleague's report copied, its 署名
 * kept). The county may be left out (县市场监督管理局), the name shortened (县市场监管局, 县人社局) or the 党组
 * sign too (中共青川县市场监督管理局党组): any of these is the same department. No mechanical fix: the
 * clerk writes the unit's own name. A person's 署名 (a 述职) names no department and is not compared.
 */
function checkDepartmentSignature(ctx: CheckContext, unit: string): RawFinding[] {
  const own = departmentName(unit);
  if (!own) return [];
  const findings: RawFinding[] = [];
  for (const line of ctx.plain.lines) {
    if (line.kind !== 'signature' || !line.text.trim()) continue;
    const others = [...new Set(authorsIn(line.text).map(departmentName).filter(Boolean))].filter(
      (d) => !abbreviates(d, own) && !abbreviates(own, d),
    );
    if (!others.length) continue;
    findings.push(
      at(
        'signature.unit',
        severityOf('signature.unit'),
        `署名“${line.text.trim()}”中的${others.map((d) => `“${d}”`).join('、')}与报告单位“${unit}”不一致。沿用其他单位或往年的报告时容易漏改署名，请改为本单位的名称。`,
        line,
        0,
        line.text.length,
      ),
    );
  }
  return findings;
}

export function checkForm(ctx: CheckContext): RawFinding[] {
  return [
    ...checkWidth(ctx),
    ...checkPairs(ctx),
    ...checkTitle(ctx),
    ...checkSignature(ctx),
    ...checkSignatureUnit(ctx),
  ];
}
