import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { defaultRegistry } from '../../core/templates/registry';
import { compareLines } from './HistoryDialog';

describe('comparing two versions', () => {
  it('lists the lines only the old one has and the lines only the new one has', () => {
    const before = createReportFromTemplate(defaultRegistry.get('township')!, { unit: '青石镇', year: 2025 });
    before.sections[3]!.blocks = [{ kind: 'paragraph', text: '人员不足。' }];
    const after = structuredClone(before);
    after.sections[3]!.blocks = [
      { kind: 'paragraph', text: '人员不足，主要原因是编制少。' },
      { kind: 'paragraph', text: '培训不够。' },
    ];
    expect(compareLines(before, after)).toEqual({
      removed: ['人员不足。'],
      added: ['人员不足，主要原因是编制少。', '培训不够。'],
    });
  });
});
