/** Paragraphs that begin with their own heading ("1.强化学习。正文……"): where the heading ends. */
import { runInHeading } from '../text/numbering';

export interface RunInHeading {
  level: 1 | 2 | 3 | 4;
  /** Number and title, through the first 。 */
  heading: string;
  rest: string;
}

/** The heading numbers are read by the one home of 公文 conventions (src/core/text). */
export function splitRunInHeading(text: string): RunInHeading | undefined {
  return runInHeading(text);
}
