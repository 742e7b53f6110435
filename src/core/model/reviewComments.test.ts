/** The 审核意见 kept in the report file: saved and reopened, older files still open, 已处理 kept with 忽略. */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../checks/index';
import { defaultRegistry } from '../templates/registry';
import { parseReportFile, serializeReport } from './file';
import { createReportFromTemplate } from './fromTemplate';
import { toPlainText } from './plainText';
import { REPORT_VERSION, type ReviewComment } from './report';
import { isResolved, locateReviewComment, reviewCommentKey, reviewCommentStates } from './reviewComments';

function reportWithComments() {
  const doc = createReportFromTemplate(defaultRegistry.get('township')!, {
    unit: '石桥街道',
    year: 2025,
    date: '2026年1月22日',
  });
  doc.sections[1]!.blocks = [
    { kind: 'paragraph', text: '街道组织“法律明白人”培训4期。' },
    { kind: 'paragraph', text: '街道组织“法律明白人”培训4期，覆盖全部社区。' },
  ];
  const comments: ReviewComment[] = [
    {
      id: 'c1',
      author: '区司法局',
      date: '2026-02-10T08:00:00Z',
      text: '培训期数与附表不符。',
      quote: '培训4期',
      occurrence: 1,
    },
    { id: 'c2', author: '', date: '', text: '整体偏短，请充实。', quote: '', occurrence: 0 },
  ];
  return { ...doc, reviewComments: comments };
}

describe('审核意见 in the .nianbao file', () => {
  it('are saved and come back when the file is opened again', () => {
    const doc = reportWithComments();
    doc.ignoredFindings = [reviewCommentKey('c1')];
    const back = parseReportFile(serializeReport(doc));
    expect(back).toEqual({ ok: true, doc, readOnly: false });
    expect(back.ok && isResolved(back.doc, back.doc.reviewComments![0]!)).toBe(true);
    expect(back.ok && isResolved(back.doc, back.doc.reviewComments![1]!)).toBe(false);
  });

  it('a file of version 1 (before 审核意见) still opens, with none', () => {
    const { reviewComments: _, ...old } = reportWithComments();
    const result = parseReportFile(JSON.stringify({ ...old, version: 1 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.readOnly).toBe(false);
    expect(result.doc.version).toBe(REPORT_VERSION);
    expect(result.doc.reviewComments).toBeUndefined();
    expect(result.doc.sections).toEqual(old.sections);
  });

  it('threads and 已解决 need no new file version: without them (a file from before, or saved by an older app) the comments stand flat, 已处理 kept', () => {
    const doc = reportWithComments();
    const reply: ReviewComment = {
      id: 'c3',
      author: '石桥街道',
      date: '2026-02-11T08:00:00Z',
      text: '已改为5期。',
      quote: '培训4期',
      occurrence: 1,
      replyTo: 'c1',
    };
    doc.reviewComments = [{ ...doc.reviewComments[0]!, resolvedInWord: true }, reply, doc.reviewComments[1]!];
    doc.ignoredFindings = [reviewCommentKey('c1')];
    const written = JSON.parse(serializeReport(doc)) as typeof doc;
    expect(written.version).toBe(REPORT_VERSION);
    const threaded = parseReportFile(JSON.stringify(written));
    if (!threaded.ok) throw new Error(threaded.error);
    const states = reviewCommentStates(threaded.doc, toPlainText(threaded.doc));
    expect(states.map((c) => [c.id, c.resolved, c.replies.map((r) => r.id)])).toEqual([
      ['c1', true, ['c3']],
      ['c2', false, []],
    ]);
    // An older app's schema strips the two optional fields on save: each comment is an item again, c1 still done.
    written.reviewComments = written.reviewComments!.map(({ replyTo: _r, resolvedInWord: _d, ...older }) => older);
    const flat = parseReportFile(JSON.stringify(written));
    if (!flat.ok) throw new Error(flat.error);
    expect(reviewCommentStates(flat.doc, toPlainText(flat.doc)).map((c) => [c.id, c.resolved])).toEqual([
      ['c1', true],
      ['c3', false],
      ['c2', false],
    ]);
  });

  it('a reply whose thread is gone stands alone', () => {
    const doc = reportWithComments();
    doc.reviewComments[1] = { ...doc.reviewComments[1]!, replyTo: 'c9' };
    expect(reviewCommentStates(doc, toPlainText(doc)).map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('a file of a newer version is still only opened read-only, or refused', () => {
    const newer = parseReportFile(JSON.stringify({ ...reportWithComments(), version: REPORT_VERSION + 1 }));
    expect(newer.ok && newer.readOnly).toBe(true);
    const broken = parseReportFile(
      JSON.stringify({ ...reportWithComments(), reviewComments: [{ text: 1 }], version: REPORT_VERSION }),
    );
    expect(broken.ok).toBe(false);
  });

  it('do not change what the checker finds, and 已处理 never hides a finding', () => {
    const doc = reportWithComments();
    const { reviewComments: _, ...bare } = doc;
    doc.ignoredFindings = [reviewCommentKey('c1'), reviewCommentKey('c2')];
    const result = checkReport(doc);
    expect(result.findings).toEqual(checkReport(bare).findings);
    expect(result.ignored).toEqual([]);
  });

  it('are listed for check --json with where their words are now, and whether they are done', () => {
    const doc = reportWithComments();
    doc.ignoredFindings = [reviewCommentKey('c2')];
    const plain = toPlainText(doc);
    const json = reviewCommentStates(doc, plain);
    expect(json).toHaveLength(2);
    // The second occurrence of 培训4期, in the second paragraph.
    const at = locateReviewComment(doc.reviewComments[0]!, plain)!;
    expect(json[0]).toMatchObject({ author: '区司法局', text: '培训期数与附表不符。', start: at.start, end: at.end });
    expect(plain.text.slice(at.start, at.end)).toBe('培训4期');
    expect(plain.text.slice(at.start, at.start + 20)).toContain('覆盖全部社区');
    expect(json[0]!.resolved).toBe(false);
    expect(json[1]).toMatchObject({ quote: '', start: null, end: null, resolved: true });
  });
});
