// @vitest-environment jsdom
/** What a paste from Word, WPS or a web page becomes: plain lines, nothing of the source's formatting. */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $insertPlainLines, htmlToText, pastedLines } from './index';

describe('pastedLines', () => {
  it('one paragraph per non-empty line, tabs and no-break spaces as one space, Windows line ends', () => {
    expect(pastedLines('一、主要举措\r\n\r\n全年\t开展\u00a0培训。\r\n  \r\n')).toEqual([
      '一、主要举措',
      '全年 开展 培训。',
    ]);
  });
});

describe('htmlToText (HTML without a plain-text copy)', () => {
  it('keeps the words and the paragraph breaks, drops styles, scripts and table layout', () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body>' +
      '<p class="MsoNormal"><b><span style="font-family:黑体">一、主要举措</span></b></p>' +
      '<p>全年开展<i>法治</i>培训<br>10场次。</p>' +
      '<table><tr><td>培训</td><td>10</td></tr></table>' +
      '<script>alert(1)</script></body></html>';
    expect(pastedLines(htmlToText(html))).toEqual(['一、主要举措', '全年开展法治培训', '10场次。', '培训 10']);
  });
});

describe('$insertPlainLines', () => {
  const paragraphsAfter = (before: string, caret: number, lines: string[]) => {
    const editor = createEditor({
      namespace: 'paste',
      onError: (e) => {
        throw e;
      },
    });
    editor.update(
      () => {
        const text = $createTextNode(before);
        $getRoot().clear().append($createParagraphNode().append(text));
        text.select(caret, caret);
        $insertPlainLines(lines);
      },
      { discrete: true },
    );
    return editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((p) => p.getTextContent()),
    );
  };

  it('one paragraph per pasted line, split at the caret', () => {
    expect(paragraphsAfter('前文后文', 2, ['甲', '乙', '丙'])).toEqual(['前文甲', '乙', '丙后文']);
  });

  it('a single line stays inside the paragraph', () => {
    expect(paragraphsAfter('前文后文', 2, ['甲'])).toEqual(['前文甲后文']);
  });
});
