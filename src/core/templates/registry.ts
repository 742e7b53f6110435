/**
 * The built-in templates (templates/*.json, bundled) plus any a county adds as JSON files at run time
 * (the app's and the CLI's templates folder): both meet the same zod schema, the county's checked when
 * it is read, the built-in ones by the tests.
 */
import townshipJson from '../../../templates/township.json';
import departmentJson from '../../../templates/department.json';
import dutyJson from '../../../templates/duty.json';
import { TemplateSchema, type Template } from './schema';

export type TemplateParse = { ok: true; template: Template } | { ok: false; error: string };

/** Validate a template read from JSON; the error names the first wrong field, in Chinese. */
export function parseTemplate(raw: unknown, source = '模板'): TemplateParse {
  const result = TemplateSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') || '（顶层）' : '';
    return { ok: false, error: `${source}格式不正确：${where} ${issue?.message ?? ''}`.trim() };
  }
  const ids = result.data.parts.map((p) => p.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) return { ok: false, error: `${source}格式不正确：部分编号 ${dup} 重复。` };
  return { ok: true, template: result.data };
}

/**
 * The built-in templates as bundled, not parsed at every start: zod's parse of the three was a fifth of a
 * short CLI run. registry.test.ts parses each and requires the result to be the file itself, every
 * default written out, so what is used here is what the schema would give.
 */
export const BUILTIN_TEMPLATES: readonly Template[] = [townshipJson, departmentJson, dutyJson] as unknown as Template[];

export class TemplateRegistry {
  private readonly byId = new Map<string, Template>();

  constructor(templates: readonly Template[] = BUILTIN_TEMPLATES) {
    for (const t of templates) this.byId.set(t.id, t);
  }

  /** Add (or replace, for a county's own version) a template. */
  add(template: Template): void {
    this.byId.set(template.id, template);
  }

  get(id: string): Template | undefined {
    return this.byId.get(id);
  }

  /** The template with this id, or the township template when the id is unknown. */
  getOrDefault(id: string): Template {
    return this.byId.get(id) ?? this.byId.get('township') ?? [...this.byId.values()][0]!;
  }

  list(): Template[] {
    return [...this.byId.values()];
  }
}

export const defaultRegistry = new TemplateRegistry();

/** Chinese numerals for part headings: 一、二、…十、十一、 (kept here for existing callers). */
export { chineseNumeral } from '../text/numerals';
