/**
 * Web text for the portal's CMS: the published report as plain text or simple HTML, headings kept.
 * Staff lines (撰稿人/审核人/联系电话) are internal routing and never published.
 */
import type { ReportDocument } from '../model/report';

const STAFF_LINE = /^(撰稿人?|审核人?|审稿人?|签发人?|联系人|联系电话|拟稿人?|校对人?)\s*[:：]/;

interface WebLine {
  kind: 'title' | 'addressee' | 'h2' | 'h3' | 'p' | 'signature' | 'date';
  text: string;
}

function webLines(doc: ReportDocument): WebLine[] {
  const lines: WebLine[] = [];
  const { meta } = doc;
  const title = meta.title.replace(/\n/g, '').trim();
  if (title) lines.push({ kind: 'title', text: title });
  if (meta.addressee.trim()) lines.push({ kind: 'addressee', text: meta.addressee.trim() });
  for (const section of doc.sections) {
    if (section.heading) lines.push({ kind: 'h2', text: section.heading });
    for (const block of section.blocks) {
      if (!block.text.trim()) continue;
      lines.push({ kind: block.kind === 'subheading' ? 'h3' : 'p', text: block.text });
    }
  }
  for (const c of doc.closing) if (!STAFF_LINE.test(c)) lines.push({ kind: 'p', text: c });
  meta.attachments.forEach((a, i) => lines.push({ kind: 'p', text: `${i === 0 ? '附件：' : '　　　'}${meta.attachments.length > 1 ? `${i + 1}. ` : ''}${a}` }));
  for (const s of meta.signature) lines.push({ kind: 'signature', text: s });
  if (meta.date) lines.push({ kind: 'date', text: meta.date });
  return lines;
}

/** Plain text: one paragraph per line, a blank line between, body paragraphs indented with two ideographic spaces. */
export function toWebText(doc: ReportDocument): string {
  return (
    webLines(doc)
      .map((l) => (l.kind === 'p' || l.kind === 'h2' || l.kind === 'h3' ? `　　${l.text}` : l.text))
      .join('\n\n') + '\n'
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Simple HTML a CMS accepts as pasted source: h1/h2/h3/p, alignment only where 9704 asks for it. */
export function toWebHtml(doc: ReportDocument): string {
  const body = webLines(doc).map((l) => {
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
      default:
        return `<p style="text-indent:2em">${text}</p>`;
    }
  });
  return `<!doctype html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>${escapeHtml(doc.meta.title.replace(/\n/g, ''))}</title></head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
