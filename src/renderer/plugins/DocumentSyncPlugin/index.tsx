/**
 * Reports the report's sections and ignored findings to the app after every content change of the one
 * document editor (not on selection moves). A part that did not change keeps its Section object, so a
 * keystroke converts one part, not the whole report. Undo and redo put back a whole earlier state with
 * nothing marked dirty: then every part is read again, or the saved file would keep the undone text.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, HISTORIC_TAG, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { Section } from '../../../core/model/report';
import { $blocksOf, $ignoredFindings } from '../../editor/blocks';
import { $isPartNode } from '../../nodes/PartNode';

export function DocumentSyncPlugin({
  onChange,
  onEditor,
}: {
  onChange: (sections: Section[], ignored: string[]) => void;
  onEditor: (editor: LexicalEditor | null) => void;
}): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  useEffect(() => {
    let known = new Map<string, Section>();
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      const restored = tags.has(HISTORIC_TAG);
      if (!restored && dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const next = new Map<string, Section>();
      const { sections, ignored } = editorState.read(() => ({
        sections: $getRoot()
          .getChildren()
          .filter($isPartNode)
          .map((part) => {
            const key = part.getKey();
            const before = known.get(key);
            const section =
              before && !restored && !dirtyElements.has(key) && before.heading === part.getHeading()
                ? before
                : {
                    key: part.getSectionKey(),
                    part: part.getPart(),
                    heading: part.getHeading(),
                    blocks: $blocksOf(part),
                  };
            next.set(key, section);
            return section;
          }),
        ignored: $ignoredFindings(),
      }));
      known = next;
      onChange(sections, ignored);
    });
  }, [editor, onChange]);
  return null;
}
