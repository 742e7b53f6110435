/** County templates: JSON files in the app's templates folder (the built-in ones ship with the renderer). */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { readFileBounded } from '../../node/readFile';
import { ipcOk } from '../../shared/ipc';
import type { HandlerContext, Handlers } from './context';

/** A county template is a few kilobytes of JSON. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** The templates folder's JSON files, each parsed as JSON (not yet as a template), and the files that could not be read. */
export async function readTemplateFiles(
  userDataDir: string,
): Promise<{ templates: { file: string; data: unknown }[]; problems: string[] }> {
  const dir = join(userDataDir, 'templates');
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return { templates: [], problems: [] }; // no folder: no county templates
  }
  const templates: { file: string; data: unknown }[] = [];
  // A broken file is named with its reason, never skipped in silence; the others and the built-in ones still load.
  const problems: string[] = [];
  for (const file of names) {
    let text: string;
    try {
      // Bounded: a huge or special file there is refused like a broken one.
      text = new TextDecoder().decode(await readFileBounded(join(dir, file), MAX_TEMPLATE_BYTES));
    } catch (error) {
      problems.push(`县里的模板：${error instanceof AppError ? error.message : `无法读取“${file}”。`}未使用。`);
      continue;
    }
    try {
      templates.push({ file, data: JSON.parse(text) });
    } catch {
      problems.push(`县里的模板“${file}”不是有效的 JSON（可能缺少括号、逗号或引号），未使用。`);
    }
  }
  return { templates, problems };
}

export function templatesHandlers(ctx: HandlerContext): Pick<Handlers, 'templates:list'> {
  return {
    async 'templates:list'() {
      return ipcOk(await readTemplateFiles(ctx.deps.userDataDir));
    },
  };
}
