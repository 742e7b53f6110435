/**
 * 导入 from any door (the dialog, 最近打开, a file dropped on the window) reads the file against the outlines
 * the clerk's app uses: the built-in ones, a county's template files in the templates folder, and the
 * outlines of the county's profile (which replace a built-in one of the same id), as `nianbao import
 * --profile` does. The last file imported is remembered, so that the clerk can have it read again against
 * another outline chosen in the import dialog.
 */
import { basename } from 'node:path';
import { registryWithProfile } from '../../core/profile/index';
import { parseTemplate, TemplateRegistry } from '../../core/templates/registry';
import type { ImportResult } from '../../core/import/types';
import { importBounded } from '../../node/import';
import type { CountyProfile } from '../../core/profile/model';
import { readTemplateFiles } from './templates';

export interface Importer {
  /** The outlines an import maps onto, read afresh (the profile or the templates folder may have changed). */
  registry(): Promise<TemplateRegistry>;
  /** Import a file read from `path`, mapped onto `templateId` when given, else onto the outline detected. */
  importFile(path: string, bytes: Uint8Array, templateId?: string): Promise<ImportResult>;
  /** The path of the last file imported, if any. */
  lastImported(): string | null;
}

export function createImporter(userDataDir: string, profile: () => Promise<CountyProfile | undefined>): Importer {
  let last: string | null = null;
  async function registry(): Promise<TemplateRegistry> {
    const folder = new TemplateRegistry();
    // A template file that does not parse is named by templates:list in the message bar; here it is skipped.
    for (const { file, data } of (await readTemplateFiles(userDataDir)).templates) {
      const parsed = parseTemplate(data, basename(file));
      if (parsed.ok) folder.add(parsed.template);
    }
    return registryWithProfile(await profile(), folder);
  }
  return {
    registry,
    async importFile(path, bytes, templateId) {
      const result = await importBounded(path, bytes, {
        registry: await registry(),
        ...(templateId ? { templateId } : {}),
      });
      if (result.ok) last = path;
      return result;
    },
    lastImported: () => last,
  };
}
