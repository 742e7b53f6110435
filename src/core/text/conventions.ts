/** Lines and marks of a 公文 besides its headings: staff lines, the addressee's colon, the draft's markers. */

/** Internal routing lines (撰稿人/审核人/联系电话…): never published, kept at import for the checker to flag. */
export const STAFF_WORDS = [
  '撰稿人',
  '撰稿',
  '审核人',
  '审核',
  '审稿人',
  '审稿',
  '核稿人',
  '核稿',
  '签发人',
  '签发',
  '联系人',
  '联系电话',
  '拟稿人',
  '拟稿',
  '校对人',
  '校对',
  '起草人',
  '起草',
  '责任人',
] as const;

const STAFF_LINE = new RegExp(
  `^[（(]?\\s*(?:${[...STAFF_WORDS].sort((a, b) => b.length - a.length).join('|')})\\s*[:：]`,
);

/** Whether a line is a staff line: "撰稿人：王某 联系电话：…", "（审核：李某）". */
export function isStaffLine(line: string): boolean {
  return STAFF_LINE.test(line.trim());
}

/** The 主送机关 as printed: trimmed and ending in one full-width colon ("县委、县政府："). */
export function addresseeLine(addressee: string): string {
  return addressee.trim().replace(/[:：]?$/, '：');
}

/** A line that is a 主送机关: short, ends in a colon, no sentence inside, not "现将……报告如下：". */
export function isAddresseeLine(line: string): boolean {
  // A bulleted or labelled row ("• 审核程序:") is page furniture, not an organ.
  if (/^[•·●◆▪■\-*>》»]/.test(line) || /程序|日期|时间|来源|索引|分类|位置/.test(line)) return false;
  return /[：:]$/.test(line) && line.length <= 40 && !/[。，,；]/.test(line) && !/如下|报告|现将|汇报|特此/.test(line);
}

/**
 * The marker of last year's plans carried into this year's draft (rule previous.unanswered):
 * "2026年计划：…　完成情况：" in the 2026 draft. The year is the one the plan was made for, which is the
 * year this report covers (last year's report wrote its plans for it), so the line never reads as a plan for
 * the year before; it is written out so the draft holds no relative "去年" of its own. "去年计划：" is what a
 * draft of unknown year says. Drafts made before this change wrote the year of last year's report: read alike.
 */
export const PROMISE_PREFIX = '去年计划：';
export const OUTCOME_LABEL = '完成情况：';

/** `plannedFor`: the year the plan was for, i.e. the draft's own year (null: unknown). */
export function promisePrefix(plannedFor: number | null): string {
  return plannedFor === null ? PROMISE_PREFIX : `${plannedFor}年计划：`;
}

/** A draft's checklist line in its exact shape, either form of the year: "2026年计划：…　完成情况：…". */
const PROMISE_LINE = /^(?:去年|\d{4}年)计划：(.+?)\s*完成情况：(.*)$/s;

export function promiseLine(text: string): { promise: string; answer: string } | null {
  const m = PROMISE_LINE.exec(text.trim());
  return m ? { promise: m[1]!.trim(), answer: m[2]!.trim() } : null;
}

/**
 * Where the answer of a checklist line starts (right after "完成情况："), as an offset into `text`; null when
 * `text` is no such line. The words before it are last year's plan: a figure there is a target (年内培训200人次),
 * never what the year achieved; a figure after it is the year's own.
 */
export function answerStart(text: string): number | null {
  if (!text.includes(OUTCOME_LABEL)) return null; // most lines: no regex run
  const trimmed = text.trimStart();
  const m = PROMISE_LINE.exec(trimmed.trimEnd());
  return m ? text.length - trimmed.length + m[0].length - m[2]!.length : null;
}

/** A checklist line still waiting for its answer: never printed as is. */
export const isUnansweredPromise = (text: string): boolean => promiseLine(text)?.answer === '';

/** The report's year as a label: "2025年度", or "年度未识别" (said once, never "（未识别年度）年度"). */
export const yearLabel = (year: number | null | undefined): string =>
  year === null || year === undefined ? '年度未识别' : `${year}年度`;
