import { describe, expect, it } from 'vitest';
import { createReportFromTemplate } from '../../core/model/fromTemplate';
import { defaultRegistry } from '../../core/templates/registry';
import { insertPart } from './parts';

const template = defaultRegistry.get('township')!;

describe('adding a part', () => {
  it('puts a missing part where the outline has it and renumbers the rest', () => {
    const doc = createReportFromTemplate(template, { unit: '石门镇', year: 2025 });
    doc.sections = doc.sections.filter((s) => s.part !== 'shortcomings');
    const { doc: next, key } = insertPart(doc, template, 'shortcomings', '存在的不足和原因');
    expect(next.sections.map((s) => s.heading).filter(Boolean)).toEqual([
      '一、主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、下一年度主要安排',
      '五、其他需要报告的情况',
    ]);
    expect(next.sections.find((s) => s.key === key)?.part).toBe('shortcomings');
  });

  it('a part the template does not name goes at the end', () => {
    const doc = createReportFromTemplate(template, { unit: '石门镇', year: 2025 });
    const { doc: next } = insertPart(doc, template, null, '安全生产工作');
    expect(next.sections.at(-1)!.heading).toBe('六、安全生产工作');
  });

  it('a missing first part goes before the others, after the opening', () => {
    const doc = createReportFromTemplate(template, { unit: '石门镇', year: 2025 });
    doc.sections = doc.sections.filter((s) => s.part !== 'measures');
    const { doc: next } = insertPart(doc, template, 'measures', '主要举措和成效');
    expect(next.sections.map((s) => s.part)).toEqual([
      'opening',
      'measures',
      'leadership',
      'shortcomings',
      'plans',
      'other',
    ]);
  });
});
