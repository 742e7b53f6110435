import { describe, expect, it } from 'vitest';
import { sameContent } from './sameContent';
import { emptyReport } from './report';

describe('sameContent', () => {
  it('is true for the same report rebuilt with other key order and undefined properties', () => {
    const a = emptyReport('township');
    const b = {
      ...a,
      sections: [
        {
          blocks: [{ text: '全年调解纠纷12件。', kind: 'paragraph' as const }],
          heading: '一、主要举措',
          part: 'measures',
          key: 's1',
        },
      ],
      indicators: { mediation: { value: 12, unit: undefined } },
    };
    const c = {
      ...a,
      sections: [
        {
          key: 's1',
          part: 'measures',
          heading: '一、主要举措',
          blocks: [{ kind: 'paragraph' as const, text: '全年调解纠纷12件。' }],
        },
      ],
      indicators: { mediation: { value: 12 } },
    };
    expect(sameContent(b, c)).toBe(true);
  });

  it('is false when one character, one block or one figure differs', () => {
    const base = emptyReport('township');
    const one = {
      ...base,
      sections: [
        { key: 's1', part: 'measures', heading: '一、主要举措', blocks: [{ kind: 'paragraph', text: '调解12件。' }] },
      ],
    };
    const text = { ...one, sections: [{ ...one.sections[0], blocks: [{ kind: 'paragraph', text: '调解13件。' }] }] };
    const extra = {
      ...one,
      sections: [{ ...one.sections[0], blocks: [...one.sections[0]!.blocks, { kind: 'paragraph', text: '' }] }],
    };
    const figure = { ...one, indicators: { mediation: { value: 12 } } };
    const heading = { ...one, sections: [{ ...one.sections[0], heading: '一、主要做法' }] };
    for (const other of [text, extra, figure, heading]) expect(sameContent(one, other)).toBe(false);
    expect(sameContent([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameContent(null, {})).toBe(false);
  });

  it('is true for the same new report made twice, false across templates', () => {
    expect(sameContent(emptyReport('township'), emptyReport('township'))).toBe(true);
    expect(sameContent(emptyReport('township'), emptyReport('duty'))).toBe(false);
  });
});
