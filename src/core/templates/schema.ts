/**
 * Outline templates are data (templates/*.json) so that a county can add its own outline without code.
 * This schema is the contract such a file must meet.
 */
import * as z from 'zod';

export const SubsectionSchema = z.object({
  /** Heading text without its number, e.g. "健全政府机构职能体系". */
  title: z.string().min(1),
  /** Indicator ids (templates/indicators.json) usually reported under this subsection. */
  indicators: z.array(z.string()).default([]),
});
export type Subsection = z.infer<typeof SubsectionSchema>;

export const PartSchema = z.object({
  /** Stable id: measures, shortcomings, leadership, plans, other (annual reports) or the duty report's own. */
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  /** Heading text without its number, as the template proposes it. */
  title: z.string().min(1),
  /** The full wording of the requirement, as the rules state it. */
  requirement: z.string(),
  required: z.boolean(),
  /** Usual heading wordings in published reports, for recognising the part in imported text. */
  aliases: z.array(z.string()).default([]),
  /** Words whose presence in a heading points to this part when no alias matches. */
  keywords: z.array(z.string()).default([]),
  hint: z.string(),
  /** Body shorter than this (characters, whitespace excluded) is reported as thin. 0 = no minimum. */
  minChars: z.number().int().nonnegative(),
  /** Which year the part speaks of: the report year, the next year (plans), or none in particular. */
  yearScope: z.enum(['report', 'next', 'none']).default('report'),
  /** Whether the part must analyse causes (不足和原因). */
  needsCauses: z.boolean().default(false),
  /** "无" is an acceptable body (其他需要报告的情况). */
  mayBeNone: z.boolean().default(false),
  subsections: z.array(SubsectionSchema).default([]),
  /** Indicator ids expected in this part (besides those of its subsections). */
  indicators: z.array(z.string()).default([]),
});
export type Part = z.infer<typeof PartSchema>;

export const TemplateSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  name: z.string().min(1),
  description: z.string(),
  /** annual: 法治政府建设年度报告; duty: 第一责任人述职（述法）报告. */
  kind: z.enum(['annual', 'duty']),
  /** Title pattern with {unit} and {year}. */
  titleFormat: z.string().min(1),
  opening: z.object({
    hint: z.string(),
  }),
  parts: z.array(PartSchema).min(1),
  closing: z.array(z.string()).default([]),
});
export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateSchema>;
