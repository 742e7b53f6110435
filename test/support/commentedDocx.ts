/**
 * .docx packages written by hand, part by part, for the comments reader's tests: Word 2013+'s threads and
 * 已解决 (commentsExtended.xml, w14:paraId on each comment paragraph) and WPS's plain comments, which the
 * docx library does not write. Zipped with JSZip (the docx library's own dependency).
 */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14_NS = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15_NS = 'http://schemas.microsoft.com/office/word/2012/wordml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
export const para = (...content: string[]) => `<w:p>${content.join('')}</w:p>`;
export const from = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
export const to = (id: number) =>
  `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;

/** A comment as Word 2013+ writes it: each paragraph with its w14:paraId, the last one naming the comment. */
export function wordComment(
  id: number,
  author: string,
  date: string,
  lines: Array<[paraId: string, text: string]>,
): string {
  const ps = lines.map(
    ([paraId, text], i) =>
      `<w:p w14:paraId="${paraId}" w14:textId="77777777">${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}${run(text)}</w:p>`,
  );
  return `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="审">${ps.join('')}</w:comment>`;
}

/** A .docx from its parts' XML: document body, comments, and Word's commentsExtended when given. */
export async function handBuilt(parts: { body: string; comments: string; extended?: string; commentsHead?: string }) {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
      (parts.extended
        ? '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>'
        : '') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId8" Type="${REL}/comments" Target="comments.xml"/>` +
      (parts.extended
        ? '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="/word/commentsExtended.xml"/>'
        : '') +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  zip.file(
    'word/comments.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${parts.commentsHead ?? `xmlns:w="${W_NS}" xmlns:w14="${W14_NS}"`}>${parts.comments}</w:comments>`,
  );
  if (parts.extended)
    zip.file(
      'word/commentsExtended.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${W15_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${parts.extended}</w15:commentsEx>`,
    );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

export const commentEx = (paraId: string, extra = '') => `<w15:commentEx w15:paraId="${paraId}"${extra}/>`;
