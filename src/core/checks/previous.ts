/** previous.unanswered: last year's plans, carried into this year's draft, each wants its outcome. */
import { OUTCOME_LABEL, PROMISE_PREFIX } from '../text/conventions';
import { at, type CheckContext, type RawFinding } from './context';
import { severityOf } from './catalogue';

export function checkPrevious(ctx: CheckContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const line of ctx.plain.lines) {
    if (line.kind !== 'paragraph' || !line.text.startsWith(PROMISE_PREFIX)) continue;
    const at_ = line.text.indexOf(OUTCOME_LABEL);
    const answer = at_ >= 0 ? line.text.slice(at_ + OUTCOME_LABEL.length).trim() : '';
    if (!answer) {
      const promise = line.text.slice(PROMISE_PREFIX.length, at_ >= 0 ? at_ : undefined).trim();
      findings.push(
        at(
          'previous.unanswered',
          severityOf('previous.unanswered'),
          `去年的报告承诺了“${promise}”，请在“完成情况：”后写明今年做了什么、效果如何；没有做的也要说明原因。`,
          line,
        ),
      );
    }
  }
  return findings;
}
