/**
 * Draws each part's header into the PartNode's unmanaged header element: the locked number, the wording as
 * a field (an editor update, so Ctrl+Z undoes it), 删除此部分 for a part the template does not name, the
 * template's hint, and a placeholder while the part is empty.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type LexicalEditor } from 'lexical';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { splitPartHeading } from '../../../core/model/fromTemplate';
import type { Template } from '../../../core/templates/schema';
import { $partByKey } from '../../editor/blocks';
import { $isPartNode } from '../../nodes/PartNode';
import { isImeKey } from '../ImeSafeKeysPlugin';

interface PartView {
  nodeKey: string;
  sectionKey: string;
  part: string | null;
  heading: string;
  empty: boolean;
  element: HTMLElement | null;
}

function readParts(editor: LexicalEditor): PartView[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .filter($isPartNode)
      .map((p) => ({
        nodeKey: p.getKey(),
        sectionKey: p.getSectionKey(),
        part: p.getPart(),
        heading: p.getHeading(),
        empty:
          p.getChildrenSize() === 1 && p.getTextContentSize() === 0 && p.getFirstChild()?.getType() === 'paragraph',
        element: editor.getElementByKey(p.getKey()),
      })),
  );
}

const same = (a: PartView[], b: PartView[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i]!;
    return (
      x.nodeKey === y.nodeKey &&
      x.sectionKey === y.sectionKey &&
      x.part === y.part &&
      x.heading === y.heading &&
      x.empty === y.empty &&
      x.element === y.element
    );
  });

/** Set a part's heading (its number kept) as one editor update. */
export function setPartHeading(editor: LexicalEditor, sectionKey: string, heading: string): void {
  editor.update(() => $partByKey(sectionKey)?.setHeading(heading), { discrete: true });
}

/** The caret to the start of a part's text, as Word's ↓ or Enter at the end of a heading goes to the next line. */
export function focusPartText(editor: LexicalEditor, sectionKey: string): void {
  // The field lets go of the focus first: while it holds it, the editor leaves the page's selection alone.
  (document.activeElement as HTMLElement | null)?.blur();
  editor.update(() => $partByKey(sectionKey)?.selectStart());
  editor.focus();
}

/**
 * Keys in a heading field: Enter never makes a line break (a heading is one paragraph) but goes to the
 * part's text, as does ↓ on the field's last line; not while an IME composes (its Enter picks a candidate).
 */
function onHeadingKey(editor: LexicalEditor, sectionKey: string, event: ReactKeyboardEvent<HTMLTextAreaElement>) {
  if (isImeKey(event.nativeEvent) || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  const field = event.currentTarget;
  if (event.key === 'Enter') {
    event.preventDefault();
    focusPartText(editor, sectionKey);
  } else if (event.key === 'ArrowDown' && field.selectionStart === field.selectionEnd) {
    const atEnd = field.selectionStart === field.value.length;
    // One visual line (no wrap): ↓ leaves at once; on a wrapped heading the browser moves down a line first.
    const lineHeight = parseFloat(getComputedStyle(field).lineHeight) || 24;
    if (atEnd || field.scrollHeight < lineHeight * 1.5 + 4) {
      event.preventDefault();
      focusPartText(editor, sectionKey);
    }
  }
}

interface Props {
  template: Template;
  readOnly: boolean;
  onRemove: (sectionKey: string) => void;
}

export function PartChromePlugin({ template, readOnly, onRemove }: Props) {
  const [editor] = useLexicalComposerContext();
  const [parts, setParts] = useState<PartView[]>([]);
  useEffect(() => {
    const refresh = () =>
      setParts((prev) => {
        const next = readParts(editor);
        return same(prev, next) ? prev : next;
      });
    refresh();
    return editor.registerUpdateListener(refresh);
  }, [editor]);

  return (
    <>
      {parts.map((p) => {
        const header = p.element?.firstElementChild as HTMLElement | null | undefined;
        const body = p.element?.lastElementChild as HTMLElement | null | undefined;
        if (!header || !body) return null;
        // The placeholder is drawn by CSS from the body's attributes (the body is Lexical's).
        if (p.empty) body.dataset.placeholder = p.heading ? '在此输入正文' : template.opening.hint;
        else delete body.dataset.placeholder;
        const hint = template.parts.find((t) => t.id === p.part)?.hint;
        const { number, wording } = splitPartHeading(p.heading);
        return createPortal(
          <>
            {p.heading && (
              <h2 className="doc-heading">
                {readOnly ? (
                  p.heading
                ) : (
                  <>
                    <span className="heading-number">{number}</span>
                    {/* A textarea, so a long imported heading wraps and the field grows (field-sizing); one paragraph all the same. */}
                    <textarea
                      id={`heading-${p.sectionKey}`}
                      className="heading-input"
                      aria-label={`部分标题：${p.heading}`}
                      rows={1}
                      value={wording}
                      onKeyDown={(e) => onHeadingKey(editor, p.sectionKey, e)}
                      onChange={(e) =>
                        setPartHeading(editor, p.sectionKey, number + e.target.value.replace(/[\r\n]+/g, ''))
                      }
                    />
                    {p.part === null && (
                      <button type="button" className="quiet" onClick={() => onRemove(p.sectionKey)}>
                        删除此部分
                      </button>
                    )}
                  </>
                )}
              </h2>
            )}
            {hint && <p className="section-hint">{hint}</p>}
          </>,
          header,
          p.nodeKey,
        );
      })}
    </>
  );
}
