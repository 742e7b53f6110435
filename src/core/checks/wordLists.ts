/**
 * The proofreader's word lists (templates/wording.json): confusable words, relative-time words, requests
 * that belong in a 请示, repealed bases. Data, not code, so that they grow by editing a list and a county’s
 * additions can be held to the same schema; the bundled file is checked by the tests, not at every start.
 */
import * as z from 'zod';
import wordingJson from '../../../templates/wording.json';

export const WordListsSchema = z.object({
  schemaVersion: z.literal(1),
  note: z.string().optional(),
  /** Fixed terms that keep a word the confusable list would otherwise flag (法制审核, 法制机构…). */
  keep: z.array(z.string().min(1)),
  confusables: z.array(
    z.object({
      wrong: z.string().min(1),
      right: z.string(),
      why: z.string(),
      /** Regex sources; when given, the word is flagged only when one of them follows it. */
      followedBy: z.array(z.string()).optional(),
      severity: z.enum(['warning', 'info']).optional(),
    }),
  ),
  relativeTime: z.object({
    words: z.array(z.string().min(1)),
    /** A word preceded by one of these characters is part of another word (如今年, 过去年). */
    notAfter: z.record(z.string(), z.string()),
    /** A word flagged only at the start of a clause or after one of these characters (明年, 日前). */
    onlyAfter: z.record(z.string(), z.string()),
    /** Fixed phrases that contain a relative word but say no date (近期目标). */
    fixed: z.array(z.string()),
  }),
  requests: z.array(z.object({ text: z.string().min(2), replacement: z.string().optional() })),
  repealed: z.array(
    z.object({
      names: z.array(z.string().min(2)).min(1),
      /** The first year in which the basis no longer applied. */
      since: z.number().int(),
      replacedBy: z.string(),
      /** Also flag the name outside 书名号 (only for names that cannot be part of another word). */
      bare: z.boolean().optional(),
    }),
  ),
});
export type WordLists = z.infer<typeof WordListsSchema>;

export const WORD_LISTS: WordLists = wordingJson as WordLists;
