/**
 * The checker's and the app's form of a county's profile (read from the county's file by schema.ts). Kept
 * apart from the reader so that the IPC map, which the preload bundles, needs only zod and this.
 */
import * as z from 'zod';
import type { RuleId } from '../checks/catalogue';
import type { Severity } from '../checks/types';
import { TemplateSchema } from '../templates/schema';
import { CalendarChangesSchema, IndicatorChangeSchema } from '../checks/listSchemas';

/** The profile format this version of the app reads. */
export const PROFILE_VERSION = 2;

/** Also what crosses IPC, validated by this schema. */
export const CountyProfileSchema = z.object({
  version: z.literal(PROFILE_VERSION),
  /** 审核单位: the county office, author of the review comments (县司法局审核 when absent). */
  reviewer: z.string().nullable(),
  /** Publication deadline as MM-DD of the year after the report year. */
  deadline: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .nullable(),
  /** 主送机关 the county expects on its towns' reports. */
  addressee: z.string().nullable(),
  templates: z.array(TemplateSchema),
  /** Indicator ids every report must give (indicator.missing). */
  requiredFigures: z.array(z.string()),
  /** Minimum body characters per template part id (section.thin). */
  minChars: z.record(z.string(), z.number().int().nonnegative()),
  placeholders: z.array(z.string()),
  confusables: z.array(z.object({ wrong: z.string(), right: z.string(), why: z.string() })),
  severities: z.record(z.string(), z.enum(['error', 'warning', 'info'])),
  off: z.array(z.string()),
  /** 时间表: calendar entries added to or replacing the built-in era calendar (checks/countyLists.ts merges). */
  calendar: CalendarChangesSchema.optional(),
  /** 数据项: the county's own figures, and its rewording of built-in ones. */
  indicators: z.array(IndicatorChangeSchema).optional(),
});
export type CountyProfile = Omit<z.infer<typeof CountyProfileSchema>, 'severities' | 'off'> & {
  severities: Partial<Record<RuleId, Severity>>;
  off: RuleId[];
};
