/**
 * The document editor of the open report and everything that reaches into it from outside: a finding
 * leads to its text (selected, scrolled into view, focused), one-click and all-at-once fixes, the block
 * type buttons, adding and removing a part and 忽略 — all as editor updates, so one Ctrl+Z undoes each.
 */
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $setState,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
  type UpdateTag,
} from 'lexical';
import { useCallback, useRef } from 'react';
import type { Finding } from '../../core/checks/types';
import { renumberParts, splitPartHeading } from '../../core/model/fromTemplate';
import { locate, toPlainText, type PlainText, type TextLine } from '../../core/model/plainText';
import type { ReportDocument, ReportMeta, Section } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';
import { $createSubheadingNode, $isSubheadingNode, type SubheadingLevel } from '../nodes/SubheadingNode';
import { $isPartNode } from '../nodes/PartNode';
import { $createTableNode } from '../nodes/TableNode';
import type { Session } from '../session';
import { $createPart, $ignoredFindings, $partByKey, $rootToSections, ignoredState } from './blocks';
import type { Match } from './find';
import { insertPart } from './parts';
import { caretIntoPart, removeBlocks, replaceInBlock, selectInBlock } from './selection';
import { cellRange, emptyTable } from './tableOps';

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
  while (pane && !(pane.scrollHeight > pane.clientHeight && /auto|scroll/.test(getComputedStyle(pane).overflowY)))
    pane = pane.parentElement;
  if (!pane) return;
  const box = pane.getBoundingClientRect();
  if (rect.top >= box.top && rect.bottom <= box.bottom) return;
  // Centred; a selection taller than the pane (a finding about a long paragraph) shows its first lines.
  const margin = Math.min(48, box.height / 8);
  pane.scrollTop +=
    rect.height > box.height - 2 * margin
      ? rect.top - box.top - margin
      : rect.top - box.top - box.height / 2 + rect.height / 2;
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

/** Give every part the heading renumberParts gives it (after a part was added or removed). */
function $renumber(doc: ReportDocument): void {
  const numbered = renumberParts({ ...doc, sections: $rootToSections() });
  for (const section of numbered.sections) {
    const part = $partByKey(section.key);
    if (part && part.getHeading() !== section.heading) part.setHeading(section.heading);
  }
}

/** Findings about a part's text as a whole (none, too little, no causes), reported on the part's heading. */
const PART_TEXT_RULES = new Set(['section.empty', 'section.thin', 'section.no-causes']);

/** A change of 报告信息 or the closing lines, as the side forms record it: a step of the one undo history. */
export type FieldsChange = (update: (d: ReportDocument) => ReportDocument) => void;

export function useEditors(session: Session, changeFields: FieldsChange) {
  const { change, docRef } = session;
  const editorRef = useRef<LexicalEditor | null>(null);
  /** A part just added: focused as soon as the editor exists. */
  const pendingFocus = useRef<string | null>(null);

  const focusSection = useCallback((key: string, blockIndex = 0) => {
    const editor = editorRef.current;
    if (!editor) {
      pendingFocus.current = key;
      return;
    }
    pendingFocus.current = null;
    selectInBlock(editor, key, blockIndex, 0, 0);
    requestAnimationFrame(scrollSelectionIntoView);
  }, []);

  /** 提纲: the part's heading at the top of the pane and the caret in the part, so typing lands there. */
  const goToPart = useCallback((key: string) => {
    const editor = editorRef.current;
    if (editor) caretIntoPart(editor, key);
    requestAnimationFrame(() => {
      document.querySelector(`section[data-section="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'start' });
      // A long part's end may lie below the pane: the caret is brought into sight too.
      scrollSelectionIntoView();
    });
  }, []);

  const onEditor = useCallback(
    (editor: LexicalEditor | null) => {
      editorRef.current = editor;
      const key = pendingFocus.current;
      if (editor && key) requestAnimationFrame(() => focusSection(key));
      // A report just opened (新建, 打开, 导入, 起草) takes the caret at its start, as Word does: the button that
      // opened it is gone, and the keyboard was left on the page, twenty Tabs away from the text. When the page
      // is idle after opening: placed a frame later, the caret still cost the opening ~15 ms (A/B of 20 opens,
      // both orders), at idle nothing measurable. Never once the clerk has clicked, typed or focused anything:
      // at idle it could land in the moment a menu closes and hands the focus back to its field.
      else if (editor) {
        const given = new AbortController();
        const idle = requestIdleCallback(
          () => {
            given.abort();
            const first = docRef.current?.sections[0]?.key;
            const unfocused = !document.activeElement || document.activeElement === document.body;
            if (editorRef.current === editor && first !== undefined && unfocused) focusSection(first);
          },
          { timeout: 500 },
        );
        const cancel = () => {
          cancelIdleCallback(idle);
          given.abort();
        };
        for (const type of ['pointerdown', 'keydown', 'focusin'])
          window.addEventListener(type, cancel, { capture: true, signal: given.signal });
      }
    },
    [docRef, focusSection],
  );

  const onDocumentChange = useCallback(
    (sections: Section[], ignored: string[]) =>
      change(
        (d) => ({
          ...d,
          sections,
          ignoredFindings:
            ignored.length === d.ignoredFindings.length && ignored.every((f, i) => f === d.ignoredFindings[i])
              ? d.ignoredFindings
              : ignored,
        }),
        { deferred: true },
      ),
    [change],
  );

  /** Select [start, end) of the plain text where it is edited: the editor, a heading, a closing line or a form field. */
  const selectPlain = useCallback(
    (plain: PlainText, start: number, end: number) => {
      const doc = docRef.current;
      const where = locate(plain, start);
      if (!doc || !where) return;
      const { line, offset } = where;
      const length = end - start;
      if (line.sectionKey !== undefined && line.blockIndex !== undefined) {
        const editor = editorRef.current;
        if (!editor) return;
        selectInBlock(editor, line.sectionKey, line.blockIndex, offset, offset + length);
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
      const field = {
        title: 'meta-title',
        addressee: 'meta-addressee',
        signature: 'meta-signature',
        date: 'meta-date',
      }[line.kind as string];
      if (field) {
        const base = fieldOffset(plain, line, doc);
        focusField(field, base + offset, base + offset + length);
      }
    },
    [docRef, focusSection],
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
        const add = finding.section
          ? document.querySelector<HTMLElement>(`.outline [data-part="${finding.section}"]`)
          : null;
        if (add) {
          add.focus();
          add.scrollIntoView({ block: 'nearest' });
        }
        return;
      }
      // A finding about text that is missing is reported on a heading, but leads to where the text goes, ready
      // to type: with the heading selected, the clerk's first keystroke would replace it.
      const where = locate(plain, finding.start);
      const key = where?.line.sectionKey;
      if (key !== undefined && PART_TEXT_RULES.has(finding.rule) && where?.line.kind === 'heading')
        return goToPart(key);
      const index = where?.line.blockIndex;
      if (finding.rule === 'section.empty-subheading' && key !== undefined && index !== undefined) {
        const below = doc.sections.find((s) => s.key === key)?.blocks[index + 1];
        if (below?.kind === 'paragraph' && below.text.trim() === '') return focusSection(key, index + 1);
      }
      // An unanswered plan (its whole line) leads to the end of the line, after 完成情况：, ready for the
      // answer: with the line selected, the clerk's first keystroke replaced last year's plan itself.
      if (finding.rule === 'previous.unanswered' && finding.end !== null)
        return selectPlain(plain, finding.end, finding.end);
      selectPlain(plain, finding.start, finding.end ?? finding.start);
    },
    [docRef, focusSection, goToPart, selectPlain],
  );

  /** Apply edits of the plain text from its end backwards, so each one's offsets still hold. */
  const applyEdits = useCallback(
    (
      edits: ReadonlyArray<{ start: number; end: number; replacement: string; removeBlocks?: number }>,
      plain: PlainText,
      tag?: UpdateTag,
    ) => {
      const editor = editorRef.current;
      // The fields' edits (a fix or a replacement in 报告信息 or the closing lines) are one step of the undo
      // history, as if typed there: applied as a plain change, Ctrl+Z skipped them and undid an older step.
      const fieldEdits: Array<(d: ReportDocument) => ReportDocument> = [];
      for (const { start, end, replacement, removeBlocks: count } of [...edits].sort((a, b) => b.start - a.start)) {
        const where = locate(plain, start);
        if (!where) continue;
        const { line, offset } = where;
        const to = offset + (end - start);
        if (line.sectionKey !== undefined && line.blockIndex !== undefined) {
          if (editor && count) removeBlocks(editor, line.sectionKey, line.blockIndex, count);
          else if (editor) replaceInBlock(editor, line.sectionKey, line.blockIndex, offset, to, replacement, tag);
          continue;
        }
        if (count) continue; // only body blocks are ever removed
        const edit = (text: string) => text.slice(0, offset) + replacement + text.slice(to);
        if (line.kind === 'heading' && line.sectionKey) {
          // The heading belongs to the editor: fixed there, undone with Ctrl+Z.
          const key = line.sectionKey;
          editor?.update(
            () => {
              const part = $partByKey(key);
              if (part) part.setHeading(edit(part.getHeading()));
            },
            tag ? { tag } : undefined,
          );
          continue;
        }
        const sameKind = plain.lines.filter((l) => l.kind === line.kind);
        const index = sameKind.indexOf(line);
        fieldEdits.push((d) => {
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
          }
          return { ...d, meta };
        });
      }
      if (fieldEdits.length) changeFields((d) => fieldEdits.reduce((next, edit) => edit(next), d));
    },
    [changeFields],
  );

  const applyFixes = useCallback(
    (findings: readonly Finding[], plain: PlainText) =>
      applyEdits(
        findings.flatMap((f) => (f.fix ? [f.fix] : [])),
        plain,
      ),
    [applyEdits],
  );

  /** The block type buttons: the blocks of the selection become sub-headings of a level, or body text. */
  const setBlockType = useCallback((level: SubheadingLevel | 0) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (level === 0) $setBlocksType(selection, () => $createParagraphNode());
      else {
        // A sub-heading keeps its node and changes level; any other block becomes one.
        const headings = selection
          .getNodes()
          .map((n) => n.getTopLevelElement())
          .filter($isSubheadingNode);
        headings.forEach((h) => h.setLevel(level));
        $setBlocksType(selection, () => $createSubheadingNode(level));
      }
    });
    editor.focus();
  }, []);

  /**
   * 插入表格: an empty table (a header row and two rows of three columns) where the caret is — in place of an
   * empty paragraph, else after the paragraph — with the caret in its first cell. One undo step.
   */
  const insertTable = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return;
    let tableKey: string | null = null;
    editor.update(
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return;
        const block = selection.anchor.getNode().getTopLevelElement();
        if (!block) return;
        const table = $createTableNode(emptyTable(3, 2));
        if ($isPartNode(block)) block.append(table);
        else if ($isParagraphNode(block) && block.getTextContentSize() === 0) block.replace(table);
        else block.insertAfter(table);
        // Somewhere to go on writing after the table.
        if (!table.getNextSibling()) table.insertAfter($createParagraphNode());
        tableKey = table.getKey();
      },
      { tag: HISTORY_PUSH_TAG, discrete: true },
    );
    if (!tableKey) return;
    const key: string = tableKey;
    // The cells are drawn by React after the update: wait a few frames for the first one.
    let frames = 0;
    const focusFirstCell = () => {
      const input = editor
        .getElementByKey(key)
        ?.querySelector<HTMLInputElement>('input[data-row="0"][data-column="0"]');
      if (input) {
        input.focus();
        scrollSelectionIntoView();
      } else if (++frames < 10) requestAnimationFrame(focusFirstCell);
    };
    requestAnimationFrame(focusFirstCell);
  }, []);

  /** Add a part where the template's outline puts it (renumbering the rest), and put the caret in it. */
  const addPart = useCallback(
    (template: Template, part: string | null, title: string) => {
      const editor = editorRef.current;
      const doc = docRef.current;
      if (!editor || !doc) return;
      let added = '';
      editor.update(
        () => {
          const current = { ...doc, sections: $rootToSections() };
          const { doc: next, key } = insertPart(current, template, part, title);
          added = key;
          const at = next.sections.findIndex((s) => s.key === key);
          const node = $createPart(next.sections[at]!);
          const parts = $getRoot().getChildren().filter($isPartNode);
          const after = parts[at - 1];
          if (after) after.insertAfter(node);
          else if (parts[0]) parts[0].insertBefore(node);
          else $getRoot().append(node);
          $renumber(doc);
          node.selectStart();
        },
        { tag: HISTORY_PUSH_TAG, discrete: true },
      );
      editor.focus();
      requestAnimationFrame(scrollSelectionIntoView);
      return added;
    },
    [docRef],
  );

  const removePart = useCallback(
    (key: string) => {
      const editor = editorRef.current;
      const doc = docRef.current;
      if (!editor || !doc) return;
      editor.update(
        () => {
          $partByKey(key)?.remove();
          $renumber(doc);
        },
        { tag: HISTORY_PUSH_TAG },
      );
    },
    [docRef],
  );

  /** 忽略 and 恢复: kept on the editor's root, so Ctrl+Z brings an ignored finding back. */
  const setIgnored = useCallback((fingerprint: string, ignored: boolean) => {
    editorRef.current?.update(
      () => {
        const list = $ignoredFindings();
        const next = ignored ? [...new Set([...list, fingerprint])] : list.filter((f) => f !== fingerprint);
        $setState($getRoot(), ignoredState, next);
      },
      { tag: HISTORY_PUSH_TAG },
    );
  }, []);

  /** The DOM range of a match in the text drawn on the page (body, title, 主送机关), for highlighting without moving focus. */
  const rangeOf = useCallback(
    (match: Match): Range | null => {
      const doc = docRef.current;
      let element: Element | null | undefined = null;
      let from = match.from;
      if (match.sectionKey !== undefined && match.blockIndex !== undefined)
        element = document.querySelector(`[data-section-editor="${CSS.escape(match.sectionKey)}"]`)?.children[
          match.blockIndex
        ];
      else if (match.kind === 'addressee') element = document.querySelector('.doc-addressee');
      else if (match.kind === 'title' && doc) {
        element = document.querySelector('.doc-title');
        // The title is drawn whole (its blank lines included); the match's line is one of its non-blank lines.
        const plain = toPlainText(doc);
        const line = locate(plain, match.start)?.line;
        if (line) from += fieldOffset(plain, line, doc);
      }
      if (!element) return null;
      const to = from + (match.end - match.start);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const size = node.textContent?.length ?? 0;
        if (!started && from <= seen + size) {
          range.setStart(node, from - seen);
          started = true;
        }
        if (started && to <= seen + size) {
          range.setEnd(node, to - seen);
          return range;
        }
        seen += size;
      }
      return null;
    },
    [docRef],
  );

  /** A match in a field (a heading, a closing line, 署名, 成文日期): the field itself, marked while shown. */
  const fieldOf = useCallback(
    (match: Match): HTMLElement | null => {
      const doc = docRef.current;
      if (match.kind === 'heading' && match.sectionKey) return document.getElementById(`heading-${match.sectionKey}`);
      if (match.kind === 'closing' && doc) {
        const index = toPlainText(doc)
          .lines.filter((l) => l.kind === 'closing')
          .findIndex((l) => l.start <= match.start && match.start <= l.start + l.text.length);
        return document.getElementById(`closing-${index}`);
      }
      if (match.kind === 'table' && doc) {
        // A table's cells are inputs: the cell is marked and the words selected in it (shown on focus).
        const block = doc.sections.find((s) => s.key === match.sectionKey)?.blocks[match.blockIndex ?? -1];
        const cell =
          block?.kind === 'table' ? cellRange(block.rows, match.from, match.from + match.end - match.start) : null;
        const input = cell
          ? document
              .querySelector(`[data-section-editor="${CSS.escape(match.sectionKey ?? '')}"]`)
              ?.children[match.blockIndex ?? -1]?.querySelector<HTMLInputElement>(
                `input[data-row="${cell.row}"][data-column="${cell.column}"]`,
              )
          : null;
        if (input && cell) input.setSelectionRange(cell.from, cell.to);
        return input ?? null;
      }
      if (match.kind === 'signature') return document.getElementById('meta-signature');
      if (match.kind === 'date') return document.getElementById('meta-date');
      return null;
    },
    [docRef],
  );

  const showMatch = useCallback(
    (match: Match | null) => {
      const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
      const range = match ? rangeOf(match) : null;
      if (highlights) {
        if (range)
          highlights.set(
            'find-current',
            new (window as unknown as { Highlight: new (r: Range) => unknown }).Highlight(range),
          );
        else highlights.delete('find-current');
      }
      for (const marked of document.querySelectorAll('.find-current-field'))
        marked.classList.remove('find-current-field');
      const field = match && !range ? fieldOf(match) : null;
      if (field) {
        // A field's text cannot carry a highlight while the focus stays in the bar: the field is marked.
        field.classList.add('find-current-field');
        field.scrollIntoView({ block: 'nearest' });
        return;
      }
      if (!range) return;
      const rect = range.getBoundingClientRect();
      const pane = document.querySelector('.document');
      if (!pane) return;
      const box = pane.getBoundingClientRect();
      if (rect.top < box.top || rect.bottom > box.bottom) pane.scrollTop += rect.top - box.top - box.height / 2;
    },
    [rangeOf, fieldOf],
  );

  /** Closing the bar on a match selects it where it is edited, as Word does. */
  const selectMatch = useCallback(
    (match: Match) => {
      const doc = docRef.current;
      if (doc) selectPlain(toPlainText(doc), match.start, match.end);
    },
    [docRef, selectPlain],
  );

  /** Replace matches (in the text, headings and fields alike), from the last to the first. */
  const replaceMatches = useCallback(
    (matches: readonly Match[], replacement: string) => {
      const doc = docRef.current;
      if (!doc) return;
      // The focus stays in the find bar (Enter there goes on to the next match), not in the text.
      applyEdits(
        matches.map((m) => ({ start: m.start, end: m.end, replacement })),
        toPlainText(doc),
        SKIP_DOM_SELECTION_TAG,
      );
    },
    [docRef, applyEdits],
  );

  return {
    editorRef,
    onEditor,
    onDocumentChange,
    jump,
    applyFixes,
    setBlockType,
    insertTable,
    focusSection,
    goToPart,
    addPart,
    removePart,
    setIgnored,
    showMatch,
    selectMatch,
    replaceMatches,
  };
}
