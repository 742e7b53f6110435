/**
 * Web text for the portal's CMS: the published report as plain text or simple HTML, headings kept.
 * Staff lines (撰稿人/审核人/联系电话) are internal routing and never published.
 */
import { printedBlocks } from '../checks/emptyHeadings';
import type { ReportDocument } from '../model/report';
import { addresseeLine, isStaffLine } from '../text/conventions';
import { attachmentLines } from './layout';

export interface WebTextOptions {
  /** Print the 主送机关 line when the report has one (as the .docx option). */
  includeAddressee?: boolean;
}

interface WebLine {
  /** h2: 一、 part headings; h3: （一） sub-headings; 1. and （1） stay paragraphs, as they do in print. */
  kind: 'title' | 'addressee' | 'h2' | 'h3' | 'p' | 'attachment' | 'signature' | 'date' | 'table';
  text: string;
  /** A table's cells, first row the header. */
  rows?: string[][];
}

function webLines(doc: ReportDocument, options: WebTextOptions): WebLine[] {
  const lines: WebLine[] = [];
  const { meta } = doc;
  const title = meta.title.replace(/\n/g, '').trim();
  if (title) lines.push({ kind: 'title', text: title });
  if (options.includeAddressee !== false && meta.addressee.trim())
    lines.push({ kind: 'addressee', text: addresseeLine(meta.addressee) });
  for (const section of doc.sections) {
    if (section.heading.trim()) lines.push({ kind: 'h2', text: section.heading.trim() });
    for (const block of printedBlocks(section.blocks)) {
      if (!block.text.trim()) continue;
      if (block.kind === 'table') {
        // Plain text: one line a row, cells apart by an ideographic space; HTML: a bordered table.
        lines.push({
          kind: 'table',
          text: block.rows.map((row) => row.map((c) => c.trim()).join('　')).join('\n'),
          rows: block.rows,
        });
        continue;
      }
      lines.push({ kind: block.kind === 'subheading' && block.level === 2 ? 'h3' : 'p', text: block.text.trim() });
    }
  }
  for (const c of doc.closing) if (c.trim() && !isStaffLine(c)) lines.push({ kind: 'p', text: c.trim() });
  // Same wording as the .docx (附件：1. 名称); later items under the first name.
  for (const line of attachmentLines(meta.attachments))
    lines.push({ kind: 'attachment', text: line.first > 2 ? `　　　${line.text}` : line.text });
  for (const s of meta.signature) if (s.trim()) lines.push({ kind: 'signature', text: s.trim() });
  if (meta.date.trim()) lines.push({ kind: 'date', text: meta.date.trim() });
  return lines;
}

/**
 * Plain text: one paragraph per line, a blank line between; body paragraphs and headings indented with two
 * ideographic spaces as in print (7.3.3), the title, 主送机关, 署名 and date flush left (a CMS aligns them).
 */
export function toWebText(doc: ReportDocument, options: WebTextOptions = {}): string {
  return (
    webLines(doc, options)
      .map((l) =>
        l.kind === 'p' || l.kind === 'h2' || l.kind === 'h3' || l.kind === 'attachment' ? `　　${l.text}` : l.text,
      )
      .join('\n\n') + '\n'
  );
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Simple HTML a CMS accepts as pasted source: h1 title, h2 for 一、, h3 for （一）, p for the rest. The only
 * inline styles are the ones a CMS's own stylesheet would lose and 9704 needs: centred title, first-line
 * indent of paragraphs, 署名 and date on the right.
 */
export function toWebHtml(doc: ReportDocument, options: WebTextOptions = {}): string {
  const body = webLines(doc, options).map((l) => {
    const text = escapeHtml(l.text);
    switch (l.kind) {
      case 'title':
        return `<h1 style="text-align:center">${text}</h1>`;
      case 'h2':
        return `<h2>${text}</h2>`;
      case 'h3':
        return `<h3>${text}</h3>`;
      case 'signature':
      case 'date':
        return `<p style="text-align:right">${text}</p>`;
      case 'addressee':
        return `<p>${text}</p>`;
      case 'table': {
        const rows = (l.rows ?? []).map(
          (row, r) =>
            `<tr>${row.map((cell) => (r === 0 ? `<th>${escapeHtml(cell.trim())}</th>` : `<td>${escapeHtml(cell.trim())}</td>`)).join('')}</tr>`,
        );
        return `<table border="1" style="border-collapse:collapse">${rows.join('')}</table>`;
      }
      default:
        return `<p style="text-indent:2em">${text}</p>`;
    }
  });
  return `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>${escapeHtml(doc.meta.title.replace(/\n/g, ''))}</title></head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
