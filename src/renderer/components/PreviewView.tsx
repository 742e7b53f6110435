/**
 * Print preview: the export's own pages (core/export/paginate), A4, 22 lines of 28 characters, page
 * numbers "— N —" odd right / even left. What prints from here is the PDF.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReportDocument } from '../../core/model/report';
import { paginate, type PreviewLine } from '../../core/export/paginate';
import { FONT_PROFILES, type FontProfileId } from '../../core/export/fonts';
import {
  AUTOSPACE_CHARS,
  autospaceBetween,
  CHAR_POINTS,
  TABLE_CELL_MARGIN,
  TABLE_LINE_TWIPS,
  TABLE_TEXT_SIZE,
} from '../../core/export/layout';

interface Props {
  doc: ReportDocument;
  fontProfile: FontProfileId;
  includeAddressee: boolean;
  boldLevel3: boolean;
  /** 署名 and date laid out for the seal (7.3.5.1). */
  sealed?: boolean;
}

/** A table row as the export sets it (paragraphs.ts tableXml): bordered cells of 14 pt text on 20 pt lines. */
function TableRow({ row, height, font }: { row: NonNullable<PreviewLine['row']>; height: number; font: string }) {
  return (
    <div
      className="pv-table-row"
      role="row"
      style={{
        display: 'flex',
        height: `${height / 20}pt`,
        fontFamily: font,
        fontSize: `${TABLE_TEXT_SIZE / 2}pt`,
        lineHeight: `${TABLE_LINE_TWIPS / 20}pt`,
        letterSpacing: 0,
      }}
    >
      {row.cells.map((cell, c) => (
        <div
          key={c}
          role={row.header ? 'columnheader' : 'cell'}
          style={{
            width: `${row.widths[c]! * 100}%`,
            boxSizing: 'border-box',
            border: '0.5pt solid #000',
            marginLeft: c ? '-0.5pt' : 0,
            marginTop: '-0.5pt',
            padding: `0 ${TABLE_CELL_MARGIN / 20}pt`,
            textAlign: cell.align === 'center' ? 'center' : 'justify',
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
          }}
        >
          {cell.lines.map((text, i) => (
            <div key={i}>{text}</div>
          ))}
        </div>
      ))}
    </div>
  );
}

function Line({ line, fonts, boldLevel3 }: { line: PreviewLine; fonts: Record<string, string>; boldLevel3: boolean }) {
  if (line.row) return <TableRow row={line.row} height={line.height} font={fonts.body!} />;
  const style: React.CSSProperties = {
    height: `${line.height / 20}pt`,
    lineHeight: `${line.height / 20}pt`,
    textAlign: line.align,
    [line.align === 'right' ? 'paddingRight' : 'paddingLeft']: `${line.indent * CHAR_POINTS}pt`,
  };
  // The gap the export sets between Chinese characters and Latin letters or digits (layout.ts), drawn as
  // a margin so the preview's lines are as long as the printed ones.
  const pieces: { text: string; style: string; gap: boolean }[] = [];
  let before: string | undefined;
  for (const run of line.runs) {
    for (const ch of run.text) {
      const last = pieces[pieces.length - 1];
      const gap = autospaceBetween(before, ch);
      if (last && last.style === run.style && !gap) last.text += ch;
      else pieces.push({ text: ch, style: run.style, gap });
      before = ch;
    }
  }
  return (
    <div className="pv-line" style={style}>
      {pieces.map((piece, i) => (
        <span
          key={i}
          className={`pv-run-${piece.style}`}
          style={{
            fontFamily: fonts[piece.style] ?? fonts.body,
            fontWeight: piece.style === 'h3' && boldLevel3 ? 'bold' : 'normal',
            marginLeft: piece.gap ? `${AUTOSPACE_CHARS * CHAR_POINTS}pt` : undefined,
          }}
        >
          {piece.text}
        </span>
      ))}
    </div>
  );
}

/** An A4 page's width in CSS pixels (210 mm), and the margin kept on either side of it on screen. */
const PAGE_PX = (210 / 25.4) * 96;
const SIDE_PX = 16;

export function PreviewView({ doc, fontProfile, includeAddressee, boldLevel3, sealed = false }: Props) {
  const pages = paginate(doc, { includeAddressee, sealed });
  // In a narrow column (1093×614, Windows at 125 %) the pages are scaled down to its width, as Word's
  // 页宽 does, rather than cut off; printing is never scaled (print CSS resets the zoom).
  const box = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(1);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setFit(Math.min(1, Math.max(0.3, (element.clientWidth - 2 * SIDE_PX) / PAGE_PX)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const profile = FONT_PROFILES[fontProfile];
  // Each profile font first, then what a machine without it shows instead.
  const stack = (font: string, fallback: string) => `"${font}", ${fallback}`;
  const serif = `FangSong, 仿宋, "Noto Serif CJK SC", serif`;
  const fonts: Record<string, string> = {
    title: stack(profile.title, `SimSun, 宋体, "Noto Serif CJK SC", serif`),
    h1: stack(profile.heading1, `SimHei, 黑体, "Noto Sans CJK SC", sans-serif`),
    h2: stack(profile.heading2, `KaiTi, 楷体, "Noto Serif CJK SC", serif`),
    body: stack(profile.body, serif),
  };
  return (
    <div
      ref={box}
      className="preview"
      aria-label="打印预览"
      style={{ ['--char-spacing' as string]: `${CHAR_POINTS - 16}pt`, ['--fit' as string]: fit }}
    >
      <p className="preview-summary">共 {pages.length} 页（A4，每页 22 行、每行 28 字，与导出的 Word 文件分页一致）</p>
      {pages.map((page, index) => (
        <section className="pv-page" key={index} aria-label={`第 ${index + 1} 页`}>
          <div className="pv-area">
            {page.map((line, i) => (
              <Line key={i} line={line} fonts={fonts} boldLevel3={boldLevel3} />
            ))}
          </div>
          <div
            className={`pv-number ${index % 2 === 0 ? 'pv-odd' : 'pv-even'}`}
            style={{ fontFamily: stack(profile.pageNumber, 'SimSun, serif') }}
          >
            — {index + 1} —
          </div>
        </section>
      ))}
    </div>
  );
}
