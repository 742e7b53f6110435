/**
 * Sub-headings with nothing under them: a template's （三）–（九） left unfilled, or last year's sub-headings
 * carried into a draft. The checker flags them and the exports leave them out, so a bare heading is
 * neither handed in nor printed. The same for a table whose cells are all blank (inserted and never filled):
 * flagged, with a fix that deletes it, and never printed as an empty grid.
 */
import { splitRunInHeading } from '../export/runIn';
import { isBlankTable, type Block } from '../model/report';
import type { TextLine } from '../model/plainText';
import { isUnansweredPromise } from '../text/conventions';
import { at, type CheckContext, type RawFinding } from './context';
import { severityOf } from './catalogue';

/** A sub-heading that carries its own text ("（一）加强领导。全年召开会议3次。") is not bare. */
function hasRunInText(text: string): boolean {
  const runIn = splitRunInHeading(text.trim());
  return !!runIn && runIn.rest.trim() !== '';
}

function hasContent(block: Block): boolean {
  // Any block kind other than paragraph and sub-heading (a table, say) is content of its own.
  if (block.kind === 'subheading') return hasRunInText(block.text);
  if (block.kind === 'table') return !isBlankTable(block.rows);
  return block.kind !== 'paragraph' || block.text.trim() !== '';
}

/**
 * For each block: true when it is a sub-heading with no text under it up to the next sub-heading of the
 * same or a higher level (a deeper sub-heading counts only if it has text under it itself).
 */
export function bareSubheadings(blocks: readonly Block[]): boolean[] {
  const bare = blocks.map(() => false);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'subheading' || block.text.trim() === '' || hasRunInText(block.text)) continue;
    let content = false;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.kind === 'subheading' && next.level <= block.level) break;
      if (hasContent(next)) {
        content = true;
        break;
      }
    }
    bare[i] = !content;
  }
  return bare;
}

/** The blocks an export prints: without bare sub-headings, blank tables and unanswered checklist lines (empty paragraphs are skipped by each export). */
export function printedBlocks<T extends Block>(blocks: readonly T[]): T[] {
  // A draft's checklist line with a bare "完成情况：" is a note to the clerk, not report text.
  const kept = blocks.filter(
    (b) => (b.kind !== 'paragraph' || !isUnansweredPromise(b.text)) && (b.kind !== 'table' || !isBlankTable(b.rows)),
  );
  const bare = bareSubheadings(kept);
  return kept.filter((_, i) => !bare[i]);
}

const NUMBER =
  /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[.．、](?!\d))\s*/;

export function checkEmptyHeadings(ctx: CheckContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const lineOf = new Map<string, TextLine>();
  for (const line of ctx.plain.lines) {
    if (line.kind === 'subheading') lineOf.set(`${line.sectionKey}\u0000${line.blockIndex}`, line);
    // A blank table's text is only its tabs and line breaks.
    else if (line.kind === 'table' && line.text.trim() === '')
      findings.push(
        at(
          'table.empty',
          severityOf('table.empty'),
          '这个表格还是空的：请填写，或删去它（空表格不会打印和导出）。',
          line,
          0,
          line.text.length,
          { label: '删除这个空表格', replacement: '', removeBlocks: 1 },
        ),
      );
  }
  for (const section of ctx.doc.sections) {
    if (!section.blocks.some((b) => b.kind === 'subheading')) continue;
    const bare = bareSubheadings(section.blocks);
    // A part with no text at all is one section.empty error, not one finding per heading in it.
    if (!section.blocks.some((b, i) => !bare[i] && hasContent(b))) continue;
    const part = ctx.parts.find((p) => p.id === section.part);
    const templateTitles = new Set(part?.subsections.map((s) => s.title) ?? []);
    bare.forEach((isBare, i) => {
      if (!isBare) return;
      const line = lineOf.get(`${section.key}\u0000${i}`);
      if (!line) return;
      const heading = line.text.trim();
      // The template's own sub-heading left unfilled is certainly a leftover; any other may be the
      // clerk's outline in progress, so it only warns.
      const fromTemplate = templateTitles.has(heading.replace(NUMBER, '').trim());
      // The fix takes the heading and the blank paragraphs under it (a deeper heading has its own finding).
      let removeBlocks = 1;
      for (let j = i + 1; j < section.blocks.length; j++) {
        const next = section.blocks[j]!;
        if (next.kind !== 'paragraph' || next.text.trim() !== '') break;
        removeBlocks++;
      }
      findings.push(
        at(
          'section.empty-subheading',
          severityOf('section.empty-subheading', fromTemplate ? undefined : 'own'),
          `小标题“${heading}”下面还没有正文：请填写，或删去这个小标题（空的小标题不会打印和导出）。`,
          line,
          0,
          line.text.length,
          { label: '删除这个空小标题', replacement: '', removeBlocks },
        ),
      );
    });
  }
  return findings;
}
