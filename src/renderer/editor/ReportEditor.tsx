/**
 * The one document editor: a single Lexical composer holding every part of the report (PartNode, a shadow
 * root each), so undo, Ctrl+A, arrows and mouse selection run across the whole report, and adding a part,
 * rewording a heading and 忽略 are steps of the same undo history as typing.
 */
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { memo } from 'react';
import type { Section } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';
import { PartNode } from '../nodes/PartNode';
import { SubheadingNode } from '../nodes/SubheadingNode';
import { TableNode } from '../nodes/TableNode';
import { DocumentSyncPlugin } from '../plugins/DocumentSyncPlugin';
import { ImeSafeKeysPlugin } from '../plugins/ImeSafeKeysPlugin';
import { PartChromePlugin } from '../plugins/PartChromePlugin';
import { PartGuardsPlugin, registerPartTransforms } from '../plugins/PartGuardsPlugin';
import { OffscreenPartsPlugin } from '../plugins/OffscreenPartsPlugin';
import { PlainPastePlugin } from '../plugins/PlainPastePlugin';
import { QuickDeletePlugin } from '../plugins/QuickDeletePlugin';
import { SessionHistoryPlugin } from '../plugins/SessionHistoryPlugin';
import { TableKeysPlugin } from '../plugins/TableKeysPlugin';
import { reportTheme } from '../themes/reportTheme';
import { $documentToRoot } from './blocks';
import { writeTextChangesInPlace } from './textInPlace';

// Before any editor renders: a Backspace must not cost the caret's re-placement (see textInPlace.ts).
writeTextChangesInPlace();

interface ReportEditorProps {
  /** Read once, when the editor is created (a new report remounts it); later the editor is the source of truth for the sections. */
  initialSections: readonly Section[];
  initialIgnored: readonly string[];
  template: Template;
  readOnly: boolean;
  onChange: (sections: Section[], ignored: string[]) => void;
  onEditor: (editor: LexicalEditor | null) => void;
  onRemovePart: (sectionKey: string) => void;
}

/** The initial content is read once: a keystroke (a new doc.sections) must not re-render the editor's tree. */
const sameEditor = (a: ReportEditorProps, b: ReportEditorProps) =>
  a.template === b.template &&
  a.readOnly === b.readOnly &&
  a.onChange === b.onChange &&
  a.onEditor === b.onEditor &&
  a.onRemovePart === b.onRemovePart;

export const ReportEditor = memo(function ReportEditor(props: ReportEditorProps) {
  const { initialSections, initialIgnored, template, readOnly, onChange, onEditor, onRemovePart } = props;
  const initialConfig = {
    namespace: 'report',
    theme: reportTheme,
    nodes: [PartNode, SubheadingNode, TableNode],
    editable: !readOnly,
    onError: (error: Error) => console.error(error),
    // The part transforms first, so the content is normalised as it is built (see registerPartTransforms);
    // they live as long as the editor (a new report builds a new one).
    editorState: (editor: LexicalEditor) => {
      registerPartTransforms(editor);
      $documentToRoot(initialSections, initialIgnored);
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="report-editor">
        <RichTextPlugin
          contentEditable={<ContentEditable className="report-content" aria-label="报告正文" spellCheck={false} />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <SessionHistoryPlugin />
        <ImeSafeKeysPlugin />
        <PartGuardsPlugin />
        <QuickDeletePlugin />
        <TableKeysPlugin />
        <PlainPastePlugin />
        <PartChromePlugin template={template} readOnly={readOnly} onRemove={onRemovePart} />
        <OffscreenPartsPlugin />
        <DocumentSyncPlugin onChange={onChange} onEditor={onEditor} />
      </div>
    </LexicalComposer>
  );
}, sameEditor);
