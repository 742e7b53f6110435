/**
 * What the reviewer's chart shows of one figure across a folder: the towns that give it, largest first, and
 * those that do not (未填报). A figure is only compared within one unit (化解率 98% and 化解 120 件 are the
 * same indicator, not the same thing), so the towns are grouped by the unit they gave it in.
 */
import { INDICATORS } from '../checks/indicators';
import type { Indicator } from '../checks/listSchemas';
import { lastYearByTown, townName, type ReviewedReport } from './table';

/** Why a town has no bar for last year beside this year's. */
export type LastYearGap = '去年无报告' | '去年未填报' | '去年单位不同';

export interface ChartBar {
  town: string;
  value: number;
  /** Only when last year's folder is given: last year's value in the same unit, or why there is none. */
  last?: number | LastYearGap;
}

export interface FigureChart {
  /** One group per unit the figure was given in, the most common first; bars largest first. */
  byUnit: Array<{ unit: string; bars: ChartBar[] }>;
  /** Readable reports that do not give the figure. */
  missing: string[];
  /** Whether last year's folder was given (then every bar has `last`). */
  withLastYear: boolean;
}

/**
 * The figures at least one readable report gives, in the indicators' own order (the county's merged list when
 * it has a profile: checks/countyLists.ts indicatorsOf), with how many give each.
 */
export function chartFigures(
  reports: readonly ReviewedReport[],
  indicators: readonly Pick<Indicator, 'id' | 'name'>[] = INDICATORS,
): Array<{ id: string; name: string; count: number }> {
  const readable = reports.filter((r) => !r.row.problem);
  return indicators
    .map((i) => ({
      id: i.id,
      name: i.name,
      count: readable.filter((r) => r.figures[i.id]).length,
    }))
    .filter((f) => f.count > 0);
}

/** Town names for the axis: two files of the same unit keep their file names, so that no bar hides another. */
function axisNames(reports: readonly ReviewedReport[]): Map<ReviewedReport, string> {
  const count = new Map<string, number>();
  for (const r of reports) count.set(townName(r), (count.get(townName(r)) ?? 0) + 1);
  return new Map(
    reports.map((r) => [
      r,
      count.get(townName(r))! > 1 ? `${townName(r)}（${r.row.file.replace(/^.*[\\/]/, '')}）` : townName(r),
    ]),
  );
}

/**
 * One figure across the folder; with last year's reports (the workbook's matching, by unit), each bar also
 * carries last year's value in the same unit, or why there is none: a different unit is no comparison.
 */
export function figureChart(
  reports: readonly ReviewedReport[],
  figureId: string,
  lastYear?: readonly ReviewedReport[],
): FigureChart {
  const readable = reports.filter((r) => !r.row.problem);
  const names = axisNames(readable);
  const previous = lastYear ? lastYearByTown(lastYear) : null;
  const lastOf = (r: ReviewedReport, unit: string): ChartBar['last'] => {
    const before = previous!.get(townName(r));
    if (!before) return '去年无报告';
    const figure = before.figures[figureId];
    if (!figure) return '去年未填报';
    return figure.unit === unit ? figure.value : '去年单位不同';
  };
  const groups = new Map<string, ChartBar[]>();
  const missing: string[] = [];
  for (const r of readable) {
    const figure = r.figures[figureId];
    if (!figure) {
      missing.push(names.get(r)!);
      continue;
    }
    const bars = groups.get(figure.unit) ?? [];
    bars.push({
      town: names.get(r)!,
      value: figure.value,
      ...(previous ? { last: lastOf(r, figure.unit) } : {}),
    });
    groups.set(figure.unit, bars);
  }
  const byTown = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  const byUnit = [...groups].map(([unit, bars]) => ({
    unit,
    bars: bars.sort((a, b) => b.value - a.value || byTown(a.town, b.town)),
  }));
  byUnit.sort((a, b) => b.bars.length - a.bars.length || byTown(a.unit, b.unit));
  return { byUnit, missing: missing.sort(byTown), withLastYear: previous !== null };
}
