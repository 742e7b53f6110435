/**
 * Publication safety (checks.md): what must not reach a government website — phone and ID numbers,
 * names of petitioners and parties, internal staff lines — and template leftovers.
 */
import { at, perLine, type CheckContext, type RawFinding } from './context';
import { severityOf } from './catalogue';
import type { TextLine } from '../model/plainText';
import { isStaffLine } from '../text/conventions';

const MOBILE = /(?<![\d.])1[3-9]\d{9}(?![\d.])/g;
/** A mobile number written in groups: "139-8547-6210", "139 8547 6210", "+86 139…". */
const MOBILE_GROUPED = /(?<![\d.\-－—])(?:\+?86[-－\s]?)?1[3-9]\d(?:[-－—\s]\d{4}){2}(?![\d.\-－—])/g;
const LANDLINE =
  /(?<![\d.])(?:[（(]0\d{2,3}[)）]\s*\d{7,8}|0\d{2,3}[-—－]\d{7,8}|(?:[（(]0\d{2,3}[)）]\s*|0\d{2,3}[-—－\s])\d{3,4}[-—－\s]\d{4})(?![\d.])/g;
const PHONE_CONTEXT = /(电话|手机|热线|联系方式|座机)[:：]?\s*(\d{7,8})(?![\d.])/g;
const ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/**
 * What a number is called near it. An office's public line (举报电话, 投诉电话, 监督电话, 咨询电话, 服务热线,
 * 法律援助热线, 专线 …) is published on purpose; a 联系电话, 联系人, 手机 or a staff line's number is a person's.
 * A bare 电话 says neither (镇司法所电话), so it is not a label here.
 */
const LINE_LABEL =
  /(?<public>(?:举报|投诉|监督|咨询|求助|服务|援助|维权)(?:电话|热线|专线)(?:电话)?|(?:热线|专线)(?:电话)?)|(?<private>联系电话|联系方式|联系人|手机|座机|撰稿人|审核人|审稿人|经办人)/g;
/** Where a clause ends: a label before it says nothing about a number after it. */
const CLAUSE_END = /[。；;！!？?\n]/;
const LABEL_AFTER_ENDS = /[。；;！!？?\n，,、]|\d{5}/;

function lastLabelBefore(text: string): 'public' | 'private' | null {
  let kind: 'public' | 'private' | null = null;
  for (const m of text.matchAll(LINE_LABEL)) kind = m.groups!.public ? 'public' : 'private';
  return kind;
}

/**
 * A landline given as an office's public line: the nearest label before it in its clause says so, or, with
 * none before, the label right after it ("0871-1234567（举报电话）", "0871-1234567法律服务热线"). A mobile
 * is never taken for one: it is somebody's own phone, whatever it is called.
 */
function isPublicLine(text: string, start: number, end: number): boolean {
  const clauseBefore = text.slice(0, start).split(CLAUSE_END).at(-1)!;
  const labelBefore = lastLabelBefore(clauseBefore);
  if (labelBefore) return labelBefore === 'public';
  // Only the words right after it: a label past a comma or another number belongs to that one.
  const clauseAfter = text.slice(end, end + 12).split(LABEL_AFTER_ENDS)[0]!;
  const [next] = clauseAfter.matchAll(LINE_LABEL);
  return next?.groups?.public !== undefined;
}

/** GB 11643: weighted sum of the first 17 digits mod 11 gives the check character. */
export function validIdNumber(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  if (checks[sum % 11] !== id[17]!.toUpperCase()) return false;
  const month = Number(id.slice(10, 12));
  const dayOfMonth = Number(id.slice(12, 14));
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Roles of private people: a name right after one of these is a person the report must not name. */
const PRIVATE_ROLE =
  '(?:上访户|信访户|上访人员|信访人员|缠访户|访民|老上访户|涉事人|涉事群众|纠纷当事人|当事人|信访人|上访人|来访人|申请人|被申请人|原告|被告|矫正对象|社区矫正对象|吸毒人员|刑满释放人员|精神障碍患者|邪教人员|涉访人员|纠纷双方|村民|居民|群众)';
const NAME = `([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})`;
const ROLE_THEN_NAME = new RegExp(`${PRIVATE_ROLE}[：:]?\\s*${NAME}`, 'g');
const SENSITIVE = /信访|上访|诉讼|起诉|纠纷|当事人|吸毒|精神障碍|社区矫正|刑满释放|邪教/;
/** Characters that end a name in running text, or words a "name" really is. */
const NOT_A_NAME =
  /某|等|户|家|人|方|反映|因|与|和|的|在|到|于|是|称|对|向|将|把|被|了|也|都|还|多|曾|已|要|会|有|无|同志|书记|镇长|主任/;

/**
 * A phone or ID number as it may leave the town's file: a long one (a mobile, a number with its 区号, an ID)
 * keeps its first three and last four digits, as banks print them; a local 7–8 digit number only its last two,
 * or three and four would be the whole of it.
 */
export function maskDigits(found: string): string {
  const digits = found.replace(/[^\dXx]/g, '');
  const [head, tail] = digits.length >= 11 ? [3, 4] : [0, 2];
  return digits.slice(0, head) + '*'.repeat(Math.max(0, digits.length - head - tail)) + digits.slice(-tail);
}

/**
 * Every phone and ID number of `text` masked, by the patterns above: for what leaves the town's file (the
 * reviewer's list and workbook, the comments), whichever rule's finding quotes it. An ID number is masked
 * even when its check digit is wrong: a mistyped one is still somebody's.
 */
export function maskPrivateNumbers(text: string): string {
  if (!DIGIT_RUN.test(text)) return text;
  let out = text.replace(ID, maskDigits);
  for (const re of [MOBILE_GROUPED, MOBILE, LANDLINE]) out = out.replace(re, maskDigits);
  return out.replace(
    PHONE_CONTEXT,
    (m, _word: string, digits: string) => m.slice(0, -digits.length) + maskDigits(digits),
  );
}

export function checkPrivacy(ctx: CheckContext): RawFinding[] {
  return privacyOfLines(ctx.plain.lines);
}

/** The privacy rules need the report's lines only: the exports' refusal runs them without the whole check. */
export function privacyOfLines(lines: TextLine[]): RawFinding[] {
  return perLine('privacy', lines, privacyOfLine);
}

/** Every phone and ID pattern above holds a run of at least three digits: lines without one skip them all. */
const DIGIT_RUN = /\d{3}/;

function privacyOfLine(line: TextLine): RawFinding[] {
  const findings: RawFinding[] = [];
  if (DIGIT_RUN.test(line.text)) {
    const text = line.text;
    for (const m of text.matchAll(MOBILE)) {
      findings.push(
        at(
          'privacy.phone',
          severityOf('privacy.phone'),
          `公开的报告中不能有手机号码（${m[0]}），请删去。`,
          line,
          m.index,
          m.index + m[0].length,
        ),
      );
    }
    for (const re of [MOBILE_GROUPED, LANDLINE, PHONE_CONTEXT]) {
      for (const m of text.matchAll(re)) {
        if (
          findings.some(
            (f) => f.start !== null && f.start <= line.start + m.index && f.end! >= line.start + m.index + m[0].length,
          )
        )
          continue;
        // The number itself (PHONE_CONTEXT's match begins with its label).
        const digits = re === PHONE_CONTEXT ? m.index + m[0].length - m[2]!.length : m.index;
        if (re !== MOBILE_GROUPED && isPublicLine(text, digits, m.index + m[0].length)) continue;
        findings.push(
          at(
            'privacy.phone',
            severityOf('privacy.phone'),
            `公开的报告中不能有电话号码（${m[0]}），请删去。`,
            line,
            m.index,
            m.index + m[0].length,
          ),
        );
      }
    }
    for (const m of text.matchAll(ID)) {
      if (validIdNumber(m[0]))
        findings.push(
          at(
            'privacy.id',
            severityOf('privacy.id'),
            '公开的报告中不能有身份证号码，请删去。',
            line,
            m.index,
            m.index + m[0].length,
          ),
        );
    }
  }
  {
    const text = line.text;
    if (isStaffLine(text)) {
      findings.push(
        at(
          'privacy.staff-line',
          severityOf('privacy.staff-line'),
          '撰稿人、审核人、联系电话等是内部流转信息，公开发布的报告中应删去这一行。',
          line,
        ),
      );
    }
    if (SENSITIVE.test(text)) {
      for (const m of text.matchAll(ROLE_THEN_NAME)) {
        const name = m[1]!;
        const trimmed = name.length === 3 && NOT_A_NAME.test(name[2]!) ? name.slice(0, 2) : name;
        if (NOT_A_NAME.test(trimmed.slice(1))) continue;
        const from = m.index + m[0].length - name.length;
        findings.push(
          at(
            'privacy.person',
            severityOf('privacy.person'),
            `“${trimmed}”像是当事人的真实姓名，公开的报告中应写作“${trimmed[0]}某”。`,
            line,
            from,
            from + trimmed.length,
            {
              label: `改为“${trimmed[0]}某”`,
              replacement: `${trimmed[0]}某`,
            },
          ),
        );
      }
    }
  }
  return findings;
}

const PLACEHOLDERS: Array<{ re: RegExp; what: string }> = [
  { re: /(?<![A-Za-z])(?:XX|xx|ＸＸ|××|X{3,}|x{3,})(?![A-Za-z])/g, what: '“XX”' },
  { re: /某某(?=镇|乡|街道|村|社区|县|区|市|局|单位|部门)/g, what: '“某某”' },
  { re: /20(?:XX|xx|××|ＸＸ)/g, what: '“20XX”' },
  { re: /[*＊]\s*(?=[次件人个场名项份条天户万元%％])/g, what: '“*”' },
  { re: /_{2,}|＿{2,}/g, what: '下划线空格' },
  { re: /【\s*】|【[^】]{0,12}(?:待补|待填|填写|补充|此处)[^】]{0,12}】/g, what: '【】' },
  { re: /[（(]\s*待[补填定写][^）)]{0,8}[)）]/g, what: '“（待补）”' },
  { re: /(?<![一二三四五六七八九十〇零])[○〇]{2,}(?![一二三四五六七八九〇零年])/g, what: '“○○”' },
];

export function checkPlaceholders(ctx: CheckContext): RawFinding[] {
  return perLine('placeholder', ctx.plain.lines, placeholdersOfLine);
}

/** What every placeholder above contains at least: one test rules out most lines. */
const ANY_PLACEHOLDER = /XX|xx|ＸＸ|××|某某|[*＊_＿【○〇]|待[补填定写]/;

function placeholdersOfLine(line: TextLine): RawFinding[] {
  const findings: RawFinding[] = [];
  if (ANY_PLACEHOLDER.test(line.text)) {
    for (const { re, what } of PLACEHOLDERS) {
      for (const m of line.text.matchAll(re)) {
        findings.push(
          at(
            'placeholder',
            severityOf('placeholder'),
            `这里还留着模板中的占位符${what}（“${m[0]}”），请填上实际内容。`,
            line,
            m.index,
            m.index + Math.max(1, m[0].length),
          ),
        );
      }
    }
  }
  return findings;
}
