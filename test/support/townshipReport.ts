/**
 * The one builder of the clean 2025 township report (柳河镇) that the figure tests fill in: every part in the
 * template's order, its own sentences (not a fixture's), imported as the clerk's text file would be. Test
 * support only: nothing under src/ imports it outside its *.test.ts files (test/supportBoundary.test.ts).
 */
import { importText } from '../../src/core/import/index';
import type { ReportDocument } from '../../src/core/model/report';

export interface TownshipParts {
  /** The paragraphs of part 一 (主要举措和成效). */
  measures: string[];
  /** Part 二's text; a clean one when not given. */
  leadership?: string;
  /** Part 四's text (2026年工作安排); a clean one when not given. */
  plans?: string;
}

/** The report as text, one paragraph a line. */
export function townshipReportText({ measures, leadership, plans }: TownshipParts): string {
  return [
    '柳河镇关于2025年度法治政府建设情况的报告',
    '2025年，柳河镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：',
    '一、主要举措和成效',
    ...measures,
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    leadership ?? '镇党委书记、镇长认真履行第一责任人职责，带头学法用法，亲自研究部署法治建设重要工作。'.repeat(3),
    '三、存在的不足和原因',
    '基层执法力量不足，普法形式较为单一。主要原因是专业人员少，经费投入不够。'.repeat(3),
    '四、2026年工作安排',
    plans ?? '2026年，我镇将持续推进法治政府建设，完善依法决策机制，加强执法队伍建设，深化普法宣传。'.repeat(3),
    '五、其他需要报告的情况',
    '无。',
    '柳河镇人民政府',
    '2026年1月20日',
  ].join('\n');
}

/** The report imported from that text. */
export function townshipReport(parts: TownshipParts): ReportDocument {
  const imported = importText(townshipReportText(parts));
  if (!imported.ok) throw new Error(imported.error);
  return imported.doc;
}
