/** Reports the section's blocks to the app after every content change (not on selection moves). */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { Block } from '../../../core/model/report';
import { $rootToBlocks } from '../../editor/blocks';

export function BlockSyncPlugin({ onChange, onEditor }: { onChange: (blocks: Block[]) => void; onEditor: (editor: LexicalEditor | null) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('load')) return;
        onChange(editorState.read($rootToBlocks));
      }),
    [editor, onChange],
  );
  return null;
}
