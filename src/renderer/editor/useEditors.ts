/**
 * The section editors of the open report and everything that reaches into them from outside: a finding
 * leads to its text (selected, scrolled into view, focused), one-click and all-at-once fixes, the block
 * type buttons, and focusing a part just added.
 */
import { $createParagraphNode, $getSelection, $isElementNode, $isRangeSelection, type LexicalEditor } from 'lexical';
import { useCallback, useRef } from 'react';
import type { Finding } from '../../core/checks/types';
import { splitPartHeading } from '../../core/model/fromTemplate';
import { locate, type PlainText, type TextLine } from '../../core/model/plainText';
import type { Block, ReportDocument, ReportMeta } from '../../core/model/report';
import { $createSubheadingNode, $isSubheadingNode, type SubheadingLevel } from '../nodes/SubheadingNode';
import type { Session } from '../session';
import type { Match } from './find';
import { replaceInBlock, selectInBlock } from './selection';

/** Bring the page's selection (or the focused field) to the middle of its scrolling pane when it is out of sight. */
export function scrollSelectionIntoView(): void {
  const selection = window.getSelection();
  let rect: DOMRect | null = null;
  let from: Element | null = document.activeElement;
  if (selection && selection.rangeCount > 0 && from instanceof HTMLElement && from.isContentEditable) {
    const range = selection.getRangeAt(0);
    rect = range.getBoundingClientRect();
    // A caret in an empty paragraph has no box of its own: use its paragraph's.
    if (rect.height === 0) {
      const node = range.startContainer;
      const element = node instanceof Element ? node : node.parentElement;
      rect = element?.getBoundingClientRect() ?? null;
      from = element;
    }
  } else if (from instanceof HTMLElement) rect = from.getBoundingClientRect();
  if (!rect || !from) return;
  let pane: Element | null = from.parentElement;
  while (pane && !(pane.scrollHeight > pane.clientHeight && /auto|scroll/.test(getComputedStyle(pane).overflowY))) pane = pane.parentElement;
  if (!pane) return;
  const box = pane.getBoundingClientRect();
  if (rect.top >= box.top && rect.bottom <= box.bottom) return;
  pane.scrollTop += rect.top - box.top - box.height / 2 + rect.height / 2;
}

function focusField(id: string, from: number, to: number): boolean {
  const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field) return false;
  field.focus();
  field.setSelectionRange(Math.max(0, from), Math.max(0, to));
  scrollSelectionIntoView();
  return true;
}

/** Where a meta line starts inside its form field (multi-line title and signature are one field each). */
function fieldOffset(plain: PlainText, line: TextLine, doc: ReportDocument): number {
  const same = plain.lines.filter((l) => l.kind === line.kind);
  const index = same.indexOf(line);
  if (line.kind === 'title') {
    const all = doc.meta.title.split('\n');
    let seen = -1;
    let offset = 0;
    for (const t of all) {
      if (t.trim() && ++seen === index) return offset;
      offset += t.length + 1;
    }
    return 0;
  }
  if (line.kind === 'signature') return doc.meta.signature.slice(0, index).reduce((n, s) => n + s.length + 1, 0);
  return 0;
}

export function useEditors(session: Session) {
  const { change, docRef } = session;
  const editors = useRef(new Map<string, LexicalEditor>());
  const activeSection = useRef<string | null>(null);
  /** A section just added: focused as soon as its editor exists. */
  const pendingFocus = useRef<string | null>(null);

  const focusSection = useCallback((key: string, blockIndex = 0) => {
    const editor = editors.current.get(key);
    if (!editor) {
      pendingFocus.current = key;
      return;
    }
    pendingFocus.current = null;
    selectInBlock(editor, blockIndex, 0, 0);
    requestAnimationFrame(scrollSelectionIntoView);
  }, []);

  const onEditor = useCallback(
    (key: string, editor: LexicalEditor | null) => {
      if (editor) editors.current.set(key, editor);
      else editors.current.delete(key);
      if (editor && pendingFocus.current === key) requestAnimationFrame(() => focusSection(key));
    },
    [focusSection],
  );

  const onSectionChange = useCallback(
    (key: string, blocks: Block[]) => change((d) => ({ ...d, sections: d.sections.map((s) => (s.key === key ? { ...s, blocks } : s)) })),
    [change],
  );

  const jump = useCallback(
    (finding: Finding, plain: PlainText) => {
      const doc = docRef.current;
      if (!doc) return;
      if (finding.start === null) {
        // Findings about a form field lead to that field.
        if (finding.rule === 'signature.missing') {
          focusField(doc.meta.date.trim() ? 'meta-signature' : 'meta-date', 0, 0);
          return;
        }
        if (finding.rule === 'title.form') {
          focusField('meta-title', 0, 0);
          return;
        }
        const section = finding.section ? doc.sections.find((s) => s.part === finding.section) : undefined;
        if (section) return focusSection(section.key);
        // A missing part: its 缺少 button in the outline, ready for Enter.
        const add = finding.section ? document.querySelector<HTMLElement>(`.outline [data-part="${finding.section}"]`) : null;
        if (add) {
          add.focus();
          add.scrollIntoView({ block: 'nearest' });
        }
        return;
      }
      const where = locate(plain, finding.start);
      if (!where) return;
      const { line, offset } = where;
      const length = (finding.end ?? finding.start) - finding.start;
      if (line.sectionKey !== undefined && line.blockIndex !== undefined) {
        const editor = editors.current.get(line.sectionKey);
        if (!editor) return;
        selectInBlock(editor, line.blockIndex, offset, offset + length);
        requestAnimationFrame(scrollSelectionIntoView);
        return;
      }
      if (line.kind === 'heading' && line.sectionKey) {
        const section = doc.sections.find((s) => s.key === line.sectionKey);
        const numberLength = section ? splitPartHeading(section.heading).number.length : 0;
        if (focusField(`heading-${line.sectionKey}`, offset - numberLength, offset + length - numberLength)) return;
        return focusSection(line.sectionKey);
      }
      if (line.kind === 'closing') {
        const index = plain.lines.filter((l) => l.kind === 'closing').indexOf(line);
        focusField(`closing-${index}`, offset, offset + length);
        return;
      }
      const field = { title: 'meta-title', addressee: 'meta-addressee', signature: 'meta-signature', date: 'meta-date' }[line.kind as string];
      if (field) {
        const base = fieldOffset(plain, line, doc);
        focusField(field, base + offset, base + offset + length);
      }
    },
    [docRef, focusSection],
  );

  /** Apply fixes from the end of the text backwards, so each one's offsets still hold. */
  const applyFixes = useCallback(
    (findings: readonly Finding[], plain: PlainText) => {
      const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => b.start - a.start);
      for (const { start, end, replacement } of fixes) {
        const where = locate(plain, start);
        if (!where) continue;
        const { line, offset } = where;
        const to = offset + (end - start);
        if (line.sectionKey !== undefined && line.blockIndex !== undefined) {
          const editor = editors.current.get(line.sectionKey);
          if (editor) replaceInBlock(editor, line.blockIndex, offset, to, replacement);
          continue;
        }
        const edit = (text: string) => text.slice(0, offset) + replacement + text.slice(to);
        const sameKind = plain.lines.filter((l) => l.kind === line.kind);
        const index = sameKind.indexOf(line);
        change((d) => {
          const meta: ReportMeta = { ...d.meta };
          if (line.kind === 'date') meta.date = edit(meta.date);
          else if (line.kind === 'addressee') meta.addressee = edit(meta.addressee);
          else if (line.kind === 'title') {
            const lines = meta.title.split('\n').filter((t) => t.trim());
            if (lines[index] !== undefined) lines[index] = edit(lines[index]!);
            meta.title = lines.join('\n');
          } else if (line.kind === 'signature') {
            meta.signature = meta.signature.map((s, i) => (i === index ? edit(s) : s));
          } else if (line.kind === 'closing') {
            return { ...d, closing: d.closing.map((c, i) => (i === index ? edit(c) : c)) };
          } else if (line.kind === 'heading' && line.sectionKey) {
            return { ...d, sections: d.sections.map((s) => (s.key === line.sectionKey ? { ...s, heading: edit(s.heading) } : s)) };
          }
          return { ...d, meta };
        });
      }
    },
    [change],
  );

  const setBlockType = useCallback((level: SubheadingLevel | 0) => {
    const key = activeSection.current;
    const editor = key ? editors.current.get(key) : undefined;
    if (!editor) return;
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      for (const node of selection.getNodes()) {
        const block = node.getTopLevelElement();
        if (!block || !$isElementNode(block)) continue;
        if (level === 0 && $isSubheadingNode(block)) {
          const p = $createParagraphNode();
          block.getChildren().forEach((c) => p.append(c));
          block.replace(p);
        } else if (level !== 0) {
          if ($isSubheadingNode(block)) block.setLevel(level);
          else {
            const h = $createSubheadingNode(level);
            block.getChildren().forEach((c) => h.append(c));
            block.replace(h);
          }
        }
      }
    });
    editor.focus();
  }, []);

  /** The DOM range of [start, end) in a block of a section editor, for highlighting without moving focus. */
  const rangeOf = useCallback((match: Match): Range | null => {
    const block = editors.current.get(match.sectionKey)?.getRootElement()?.children[match.blockIndex];
    if (!block) return null;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const size = node.textContent?.length ?? 0;
      if (!started && match.start <= seen + size) {
        range.setStart(node, match.start - seen);
        started = true;
      }
      if (started && match.end <= seen + size) {
        range.setEnd(node, match.end - seen);
        return range;
      }
      seen += size;
    }
    return null;
  }, []);

  const showMatch = useCallback(
    (match: Match | null) => {
      const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
      const range = match ? rangeOf(match) : null;
      if (highlights) {
        if (range) highlights.set('find-current', new (window as unknown as { Highlight: new (r: Range) => unknown }).Highlight(range));
        else highlights.delete('find-current');
      }
      if (!range) return;
      const rect = range.getBoundingClientRect();
      const pane = document.querySelector('.document');
      if (!pane) return;
      const box = pane.getBoundingClientRect();
      if (rect.top < box.top || rect.bottom > box.bottom) pane.scrollTop += rect.top - box.top - box.height / 2;
    },
    [rangeOf],
  );

  const selectMatch = useCallback((match: Match) => {
    const editor = editors.current.get(match.sectionKey);
    if (!editor) return;
    selectInBlock(editor, match.blockIndex, match.start, match.end);
    requestAnimationFrame(scrollSelectionIntoView);
  }, []);

  /** Replace matches from the last to the first, so the offsets of those before still hold. */
  const replaceMatches = useCallback((matches: readonly Match[], replacement: string) => {
    for (const m of [...matches].reverse()) {
      const editor = editors.current.get(m.sectionKey);
      if (editor) replaceInBlock(editor, m.blockIndex, m.start, m.end, replacement);
    }
  }, []);

  return { editors, activeSection, onEditor, onSectionChange, jump, applyFixes, setBlockType, focusSection, showMatch, selectMatch, replaceMatches };
}
