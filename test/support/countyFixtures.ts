/**
 * The one home of the county fixtures the tests write: a county profile file (县里的配置) and a county's own
 * outline templates (提纲模板), for the Node tests (src/main, src/cli) and the browser tests alike. When the
 * profile or template format changes, it changes here. Test support only: nothing under src/ imports it
 * outside its *.test.ts files (test/lintBoundary.test.ts holds that).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_VERSION } from '../../src/core/profile/model';
import type { TemplateInput } from '../../src/core/templates/schema';

type PartInput = TemplateInput['parts'][number];

/** A county profile as the county writes it (Chinese keys, see README 县里的配置); version defaults to today's. */
export type CountyProfileFile = { version?: number; 审核单位?: string; 提纲模板?: TemplateInput[] } & Record<
  string,
  unknown
>;

/** The profile with its version written out (the current format's unless the test names an older one). */
export function countyProfile(fields: CountyProfileFile): CountyProfileFile & { version: number } {
  return { ...fields, version: fields.version ?? PROFILE_VERSION };
}

/**
 * Writes a profile into a folder as the county sends it (pretty-printed JSON), or the given text as it is
 * (a file with a mistake, say); returns its path.
 */
export function writeProfile(folder: string, profile: CountyProfileFile | string, name = '县里的配置.json'): string {
  const path = join(folder, name);
  writeFileSync(path, typeof profile === 'string' ? profile : JSON.stringify(countyProfile(profile), null, 2));
  return path;
}

/** A required part of a county's outline, found by its own title (and any keywords given). */
export function outlinePart(id: string, title: string, extra: Partial<PartInput> = {}): PartInput {
  return { id, title, requirement: title, required: true, aliases: [title], hint: `写${title}`, minChars: 0, ...extra };
}

/** A county's annual-report outline as a template file holds it. */
export function countyOutline(
  fields: Pick<TemplateInput, 'id' | 'name' | 'parts'> & Partial<TemplateInput>,
): TemplateInput {
  return {
    schemaVersion: 1,
    description: '',
    kind: 'annual',
    titleFormat: '{unit}{year}年度法治建设工作报告',
    opening: { hint: '概述全年工作' },
    ...fields,
  };
}

/** How a county words its township outline's four parts: each part's title and the keyword that finds it. */
export interface TownshipWording {
  measures: [title: string, keyword: string];
  publicity: [title: string, keyword: string];
  shortcomings: [title: string, keyword: string];
  plans: [title: string, keyword: string];
}

/**
 * A county's two outlines. Its township outline (id township, so it takes the built-in one's place) has four
 * parts worded as given, one of them (普法, id publicity) a part the built-in outline lacks. Its street outline
 * has an id of its own (chosen in the import dialog, never detected) and three parts: 依法履职情况 (performance),
 * 问题短板 (gaps), 下步打算 (next).
 */
export function countyOutlines(
  county: string,
  streetId: string,
  wording: TownshipWording,
): { township: TemplateInput; street: TemplateInput } {
  const [measures, publicity, shortcomings, plans] = (['measures', 'publicity', 'shortcomings', 'plans'] as const).map(
    (id) => outlinePart(id, wording[id][0], { keywords: [wording[id][1]] }),
  ) as [PartInput, PartInput, PartInput, PartInput];
  const township = countyOutline({
    id: 'township',
    name: `${county}乡镇法治建设年度报告`,
    description: `${county}司法局统一的乡镇提纲`,
    parts: [measures, publicity, { ...shortcomings, needsCauses: true }, { ...plans, yearScope: 'next' }],
  });
  const street = countyOutline({
    ...township,
    id: streetId,
    name: `${county}街道法治建设报告`,
    parts: [
      outlinePart('performance', '依法履职情况'),
      outlinePart('gaps', '问题短板', { needsCauses: true }),
      outlinePart('next', '下步打算', { yearScope: 'next' }),
    ],
  });
  return { township, street };
}
