/**
 * previous.unanswered: last year's plans, carried into this year's draft, each wants its outcome. Only the
 * draft's own checklist lines (promiseLine) are read, never a clerk's sentence. An unanswered one is a
 * reminder (its severity: catalogue.ts): the exports leave the bare line out, so nothing wrong is handed in.
 */
import { promiseLine } from '../text/conventions';
import { at, type CheckContext, type RawFinding } from './context';
import { severityOf } from './catalogue';

export function checkPrevious(ctx: CheckContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const line of ctx.plain.lines) {
    if (line.kind !== 'paragraph') continue;
    const item = promiseLine(line.text);
    if (!item || item.answer) continue;
    findings.push(
      at(
        'previous.unanswered',
        severityOf('previous.unanswered'),
        `去年的报告为今年安排了“${item.promise}”，“完成情况：”后面还是空的。请写明今年做了什么、效果如何；没有做的也要说明原因。空着的这一行不会打印和导出。`,
        line,
      ),
    );
  }
  return findings;
}
