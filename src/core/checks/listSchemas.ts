/**
 * The contracts of the two data lists the checker reads — the era calendar (templates/era-calendar.json) and
 * the figures (templates/indicators.json) — and of a county's changes to them. Zod only, so that the county
 * profile's IPC form (profile/model.ts, bundled into the preload) can name them without the checker.
 */
import * as z from 'zod';

export const CongressSchema = z.object({ name: z.string(), number: z.number().int(), date: z.string() });
export const PlenumSchema = z.object({ congress: z.number().int(), session: z.number().int(), date: z.string() });
export const ProgrammeSchema = z.object({
  name: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  patterns: z.array(z.string()),
});
export const FormulaSchema = z.object({
  name: z.string(),
  text: z.string(),
  until: z.number().int(),
  replacement: z.string(),
});

/** The calendar's contract; the bundled file is checked against it by years.test.ts, not at every start. */
export const CalendarSchema = z.object({
  schemaVersion: z.literal(1),
  congresses: z.array(CongressSchema),
  plenums: z.array(PlenumSchema),
  programmes: z.array(ProgrammeSchema),
  formulas: z.array(FormulaSchema),
});
export type EraCalendar = z.infer<typeof CalendarSchema>;

/** A county's calendar entries: each replaces the built-in one it names (same congress, plenum, programme name or formula text), else is added. */
export const CalendarChangesSchema = z.object({
  congresses: z.array(CongressSchema),
  plenums: z.array(PlenumSchema),
  programmes: z.array(ProgrammeSchema),
  formulas: z.array(FormulaSchema),
});
export type CalendarChanges = z.infer<typeof CalendarChangesSchema>;

export const IndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  units: z.array(z.string()),
  keywords: z.array(z.string()),
  /** Longer words that contain a keyword but mean something else: "协调解决" is not 调解. */
  exclude: z.array(z.string()).optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** The indicator list's contract; the bundled file is checked against it by the tests, not at every start. */
export const IndicatorsSchema = z.object({ schemaVersion: z.literal(1), indicators: z.array(IndicatorSchema) });

/**
 * A county's change to the figures: a built-in one (by id) reworded — units replaced when given, keywords
 * added or (replaceKeywords) replacing its own, words excluded — or a figure of its own (a new id).
 */
export const IndicatorChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  units: z.array(z.string()).nullable(),
  keywords: z.array(z.string()),
  exclude: z.array(z.string()),
  replaceKeywords: z.boolean(),
});
export type IndicatorChange = z.infer<typeof IndicatorChangeSchema>;
