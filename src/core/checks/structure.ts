/** Structure rules (checks.md "Structure"): the five parts, their substance, and heading numbers. */
import { partsNamed } from '../import/mapParts';
import { sectionHasText, type ReportDocument, type Section } from '../model/report';
import type { TextLine } from '../model/plainText';
import { chineseNumeral } from '../text/numerals';
import { headingNumber, stripHeadingNumber, type HeadingLevel } from '../text/numbering';
import { at, linesOfPart, partName, type CheckContext, type RawFinding } from './context';
import { severityOf } from './catalogue';
import type { SectionSummary } from './types';

const WHITESPACE = /\s/;
const WHITESPACES = /\s/g;

/** Characters of a section's body, whitespace excluded (what "thin" is measured in). */
export function bodyChars(section: Section): number {
  let n = 0;
  // Length less the whitespace, without building the stripped string.
  for (const b of section.blocks)
    n += b.text.length - (WHITESPACE.test(b.text) ? b.text.match(WHITESPACES)!.length : 0);
  return n;
}

export function sectionsOfPart(doc: ReportDocument, partId: string): Section[] {
  return doc.sections.filter((s) => s.part === partId);
}

/** A section of another part whose heading names this part too ("三、存在的问题及下一步打算"). */
function combinedSection(ctx: CheckContext, partId: string): Section | undefined {
  return ctx.doc.sections.find(
    (s) =>
      s.heading &&
      s.part !== partId &&
      s.part !== null &&
      sectionHasText(s) &&
      namedIn(ctx, s.heading).includes(partId),
  );
}

/** partsNamed of a heading, read once per check: both the summary and the structure rule ask for every missing part. */
const namedByCheck = new WeakMap<CheckContext, Map<string, string[]>>();
function namedIn(ctx: CheckContext, heading: string): string[] {
  let named = namedByCheck.get(ctx);
  if (!named) namedByCheck.set(ctx, (named = new Map()));
  let parts = named.get(heading);
  if (!parts) named.set(heading, (parts = partsNamed(heading, ctx.template, ctx.year)));
  return parts;
}

export function summariseSections(ctx: CheckContext): SectionSummary[] {
  return ctx.parts.map((part) => {
    const sections = sectionsOfPart(ctx.doc, part.id);
    const first = sections[0];
    if (!first) {
      const combined = combinedSection(ctx, part.id);
      return combined
        ? { id: part.id, present: true, heading: combined.heading, chars: bodyChars(combined) }
        : { id: part.id, present: false };
    }
    const summary: SectionSummary = {
      id: part.id,
      present: true,
      heading: first.heading,
      chars: sections.reduce((n, s) => n + bodyChars(s), 0),
    };
    if (part.yearScope === 'next') {
      const year = plansYear(ctx, part.id);
      if (year) summary.year = year.year;
    }
    return summary;
  });
}

/** The year a plans part names: in its heading, or at the head of its first paragraph. */
export function plansYear(
  ctx: CheckContext,
  partId: string,
): { year: number; line: TextLine; from: number } | undefined {
  const lines = linesOfPart(ctx, partId);
  for (const line of lines.slice(0, 3)) {
    const skip = line.kind === 'heading' ? 0 : (headingNumber(line.text, true)?.end ?? 0);
    const m = line.kind === 'heading' ? /(\d{4})\s*年/.exec(line.text) : /^(\d{4})\s*年/.exec(line.text.slice(skip));
    if (m) return { year: Number(m[1]), line, from: (line.kind === 'heading' ? m.index : skip) + m[0].indexOf(m[1]!) };
  }
  return undefined;
}

function headingLine(ctx: CheckContext, section: Section): TextLine | null {
  return ctx.plain.lines.find((l) => l.kind === 'heading' && l.sectionKey === section.key) ?? null;
}

const CAUSE_WORDS = /原因|究其|根源|主要是由于|由于|源于|归结|导致|造成/;
/** Template guidance left in place counts as no text. */
const GUIDANCE = /^(此处|在此|请在|请填写|请输入|（待补）|待补充)/;

export function checkStructure(ctx: CheckContext): RawFinding[] {
  const findings: RawFinding[] = [];
  // An annual report must say which year it covers: a reviewer cannot file one that does not. A 述职
  // report is often dated only by its signature: there it is advice to add the year, not a refusal.
  if (ctx.year === null) {
    const annual = ctx.template.kind === 'annual';
    findings.push(
      at(
        'year.missing',
        severityOf('year.missing', annual ? undefined : 'duty'),
        `报告没有写明是哪一年度的${annual ? '报告' : '述职'}。请在标题中写明年度（如“2025年度”），或在“报告信息”中填写年度。`,
        null,
      ),
    );
  }
  for (const part of ctx.parts) {
    if (!part.required) continue;
    const sections = sectionsOfPart(ctx.doc, part.id);
    if (sections.length === 0 && combinedSection(ctx, part.id)) continue;
    if (sections.length === 0) {
      findings.push(
        at(
          'section.missing',
          severityOf('section.missing'),
          `缺少“${part.requirement}”部分。请增加一部分，标题可写作“${part.title}”。`,
          null,
        ),
      );
      findings[findings.length - 1]!.section = part.id;
      continue;
    }
    const heading = headingLine(ctx, sections[0]!);
    // Sub-headings the template proposed do not count as text; a list of the clerk's own sub-headings does.
    const proposed = new Set(part.subsections.map((sub) => sub.title));
    const texts = sections
      .flatMap((s) =>
        s.blocks
          .filter((b) => b.kind === 'paragraph' || !proposed.has(stripHeadingNumber(b.text)))
          .map((b) => b.text.trim()),
      )
      .filter((t) => t && !GUIDANCE.test(t) && t !== part.hint);
    if (texts.length === 0) {
      findings.push({
        ...at(
          'section.empty',
          severityOf('section.empty'),
          `“${partName(ctx, part)}”部分还没有正文。${part.mayBeNone ? '没有需要报告的情况时写“无”。' : part.hint}`,
          heading,
        ),
        section: part.id,
      });
      continue;
    }
    const chars = sections.reduce((n, s) => n + bodyChars(s), 0);
    if (part.minChars > 0 && chars < part.minChars) {
      findings.push({
        ...at(
          'section.thin',
          severityOf('section.thin'),
          `“${partName(ctx, part)}”部分只有 ${chars} 字，一般应在 ${part.minChars} 字以上。${part.hint}`,
          heading,
        ),
        section: part.id,
      });
    }
    if (part.needsCauses && !CAUSE_WORDS.test(texts.join(''))) {
      findings.push({
        ...at(
          'section.no-causes',
          severityOf('section.no-causes'),
          `“${partName(ctx, part)}”部分列出了问题，但没有分析原因。请补充“主要原因是……”等原因分析。`,
          heading,
        ),
        section: part.id,
      });
    }
  }
  return findings;
}

// ——— heading numbers ———

interface NumberedLine {
  line: TextLine;
  level: HeadingLevel;
  value: number;
  number: string;
  after: string;
}

function numbered(line: TextLine): NumberedLine | undefined {
  const n = headingNumber(line.text);
  return n && { line, level: n.level, value: n.value, number: n.number, after: n.mark };
}

/** "（二）" written with another value in the same form: "（一）", "2." → "1.". */
function numberLike(number: string, value: number): string {
  const form = number.trim();
  return /\d/.test(form)
    ? form.replace(/\d+/, String(value))
    : form.replace(/[一二三四五六七八九十百]+/, chineseNumeral(value));
}

export function checkHeadings(ctx: CheckContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const expected = new Map<number, number>();
  for (const line of ctx.plain.lines) {
    if (line.kind !== 'heading' && line.kind !== 'subheading' && line.kind !== 'paragraph') continue;
    // A part heading's number is the app's own (renumbered with the outline, not editable): it starts
    // the numbering of everything in the part and is never itself a finding.
    if (line.kind === 'heading') {
      expected.clear();
      continue;
    }
    const n = numbered(line);
    if (!n) continue;
    // A level restarts the levels below it.
    for (const level of [...expected.keys()]) if (level > n.level) expected.delete(level);
    const want = expected.get(n.level) ?? 1;
    if (n.value !== want) {
      const number = n.number.trim();
      const message =
        n.value < want
          ? `编号“${number}”与前面的编号重复或倒退，这里应为“${numberLike(number, want)}”。`
          : want === 1
            ? `编号“${number}”前面没有“${numberLike(number, 1)}”：同一级的编号应从“${numberLike(number, 1)}”开始，请检查是否漏了一项或编号写错。`
            : `编号从“${numberLike(number, want - 1)}”跳到了“${number}”，中间缺了“${numberLike(number, want)}”，请检查是否漏了一项或编号写错。`;
      // "二、" in a part's text is a part heading's form: most often paragraphs pasted from another report.
      const pasted =
        n.level <= 1
          ? `这一段是正文，却用了部分标题的编号（像是粘贴进来的标题）：如果是小标题，请改用“（一）”“（二）”编号；各部分的“一、二、”由软件自动编排。`
          : '';
      findings.push(at('heading.sequence', severityOf('heading.sequence'), message + pasted, line, 0, n.number.length));
    }
    expected.set(n.level, n.value + 1);

    if (n.level === 0) continue;
    if (n.level === 3 && (n.after === '、' || n.after === '，' || n.after === ',' || n.after === '．')) {
      const digits = /^\d+/.exec(line.text)![0];
      findings.push(
        at(
          'heading.punctuation',
          severityOf('heading.punctuation'),
          `“${n.number}”应写作“${digits}.”（阿拉伯数字后用下脚点）。`,
          line,
          0,
          n.number.length,
          {
            label: `改为“${digits}.”`,
            replacement: `${digits}.`,
          },
        ),
      );
    } else if ((n.level === 2 || n.level === 4) && n.after) {
      const clean = n.number.slice(0, n.number.length - n.after.length);
      findings.push(
        at(
          'heading.punctuation',
          severityOf('heading.punctuation'),
          `“${clean}”后面不加标点，请删去“${n.after}”。`,
          line,
          0,
          n.number.length,
          {
            label: `删去“${n.after}”`,
            replacement: clean,
          },
        ),
      );
    } else if (n.level === 1 && n.after !== '、') {
      const chinese = chineseNumeral(n.value);
      findings.push(
        at(
          'heading.punctuation',
          severityOf('heading.punctuation'),
          `“${n.number}”应写作“${chinese}、”（汉字序号后用顿号）。`,
          line,
          0,
          n.number.length,
          {
            label: `改为“${chinese}、”`,
            replacement: `${chinese}、`,
          },
        ),
      );
    }
  }
  return findings;
}
