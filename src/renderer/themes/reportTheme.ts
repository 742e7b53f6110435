/** Maps Lexical node types to the CSS classes of styles.css. */
import type { EditorThemeClasses } from 'lexical';

export const reportTheme: EditorThemeClasses = {
  paragraph: 'doc-paragraph',
  subheading: {
    2: 'doc-subheading doc-subheading-2',
    3: 'doc-subheading doc-subheading-3',
    4: 'doc-subheading doc-subheading-4',
  },
  text: { bold: '', italic: '', underline: '' },
};
