/**
 * The body of one section: its own small Lexical editor. The part heading above it is rendered by the
 * app, outside any editor, so a template heading can be neither deleted nor retyped, whatever the keys.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { memo } from 'react';
import type { Block } from '../../core/model/report';
import { SubheadingNode } from '../nodes/SubheadingNode';
import { TableNode } from '../nodes/TableNode';
import { BlockSyncPlugin } from '../plugins/BlockSyncPlugin';
import { ImeSafeKeysPlugin } from '../plugins/ImeSafeKeysPlugin';
import { PlainPastePlugin } from '../plugins/PlainPastePlugin';
import { reportTheme } from '../themes/reportTheme';
import { $blocksToRoot } from './blocks';

export interface SectionEditorProps {
  sectionKey: string;
  /** Read once when the editor mounts; later the editor is the source of truth for this section. */
  initialBlocks: readonly Block[];
  placeholder: string;
  readOnly: boolean;
  label: string;
  onChange: (sectionKey: string, blocks: Block[]) => void;
  onEditor: (sectionKey: string, editor: LexicalEditor | null) => void;
}

export const SectionEditor = memo(function SectionEditor(props: SectionEditorProps) {
  const { sectionKey, initialBlocks, placeholder, readOnly, label, onChange, onEditor } = props;
  const initialConfig = {
    namespace: `section-${sectionKey}`,
    theme: reportTheme,
    nodes: [SubheadingNode, TableNode],
    editable: !readOnly,
    onError: (error: Error) => console.error(error),
    editorState: () => $blocksToRoot(initialBlocks),
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="section-editor" data-section={sectionKey}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="section-content" aria-label={label} data-section-editor={sectionKey} spellCheck={false} />}
          placeholder={<div className="section-placeholder">{placeholder}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ImeSafeKeysPlugin />
        <PlainPastePlugin />
        <BlockSyncPlugin onChange={(blocks) => onChange(sectionKey, blocks)} onEditor={(editor) => onEditor(sectionKey, editor)} />
      </div>
    </LexicalComposer>
  );
});
