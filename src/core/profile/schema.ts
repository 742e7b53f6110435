/**
 * The county's profile: one JSON file the 县司法局 sends to its towns and loads itself — its outlines, its
 * deadline, its 主送机关, the figures it requires, minimum lengths, extra placeholder and confusable words,
 * severity changes and rules switched off. A county clerk edits it in Notepad, so its keys are Chinese and
 * every mistake is reported in Chinese with its line and column (json.ts maps the schema's paths back).
 * The file is read here into `CountyProfile`, the checker's and the app's English form of it.
 */
import * as z from 'zod';
import { INDICATORS } from '../checks/indicators';
import { mergeIndicators } from '../checks/countyLists';
import type { CalendarChanges, IndicatorChange } from '../checks/listSchemas';
import { chineseNumeral } from '../text/numerals';
import { FAMILY_TITLES, RULE_IDS, RULES, isRuleId, type RuleId } from '../checks/catalogue';
import type { Severity } from '../checks/types';
import { BUILTIN_TEMPLATES, parseTemplate } from '../templates/registry';
import { TemplateSchema } from '../templates/schema';
import { PROFILE_VERSION, type CountyProfile } from './model';
import { JsonSyntaxError, parseJsonWithPositions, type JsonPath } from './json';

/** A profile is a short settings file; anything larger is not one (and is not read into memory whole). */
export const MAX_PROFILE_BYTES = 1024 * 1024;

const SEVERITY_WORDS: Record<string, Severity> = {
  错误: 'error',
  警告: 'warning',
  建议: 'info',
  提示: 'info',
  error: 'error',
  warning: 'warning',
  info: 'info',
};
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '建议' };

const text = (max: number) => z.string().trim().min(1, '不能是空的').max(max, `不能超过 ${max} 个字`);
/** A word searched for in the text: one character would match all over the report. */
const word = (max: number, what: string) =>
  text(max).refine((s) => s.length >= 2, `${what}至少 2 个字，一个字会在正文里到处匹配`);
const year = z.number().int('应是整数年份').min(1949, '年份不对').max(2100, '年份不对');
/** 届次 the checker reads: 党的十八大 (the calendar's first) to 二十九大. */
const congressNumber = z.number().int('应是整数').min(18, '届次应在 18 到 29 之间').max(29, '届次应在 18 到 29 之间');
const dateText = z.string();

/** The keys that need the current version of the format: an older app would not know them. */
const VERSION_2_KEYS = ['时间表', '数据项'] as const;

/** The file's own form, with the keys a county clerk reads and writes. */
const FileSchema = z.strictObject({
  version: z.number(),
  说明: z.string().optional(),
  审核单位: text(40).optional(),
  公开期限: z.string().optional(),
  主送机关: text(60).optional(),
  提纲模板: z.array(z.unknown()).max(20, '提纲模板不能超过 20 个').optional(),
  必需数据: z.array(z.string()).max(100).optional(),
  最少字数: z
    .record(z.string(), z.number().int('应是整数').min(0, '不能是负数').max(50000, '不能超过 50000'))
    .optional(),
  占位符: z
    .array(text(30).refine((s) => s.length >= 2, '占位符至少 2 个字，一个字会把正文里到处的这个字都当成占位符'))
    .max(200)
    .optional(),
  易混用词: z
    .array(z.strictObject({ 错: text(20), 对: z.string().max(20), 说明: z.string().max(200) }))
    .max(500)
    .optional(),
  规则级别: z.record(z.string(), z.string()).optional(),
  关闭规则: z.array(z.string()).optional(),
  时间表: z
    .strictObject({
      党代会: z
        .array(z.strictObject({ 届次: congressNumber, 日期: dateText }))
        .max(50)
        .optional(),
      全会: z
        .array(
          z.strictObject({
            届次: congressNumber,
            第几次全会: z.number().int('应是整数').min(1, '应在 1 到 9 之间').max(9, '应在 1 到 9 之间'),
            日期: dateText,
          }),
        )
        .max(200)
        .optional(),
      规划: z
        .array(
          z.strictObject({
            名称: word(30, '规划的名称'),
            起: year,
            止: year,
            写法: z.array(word(30, '写法')).max(20).optional(),
          }),
        )
        .max(100)
        .optional(),
      过时提法: z
        .array(z.strictObject({ 名称: text(60), 原文: word(60, '原文'), 截至: year, 新提法: text(60) }))
        .max(100)
        .optional(),
    })
    .optional(),
  数据项: z
    .array(
      z.strictObject({
        名称: text(30),
        单位: z.array(text(6)).min(1, '至少写一个单位').max(10).optional(),
        关键词: z.array(word(30, '关键词')).max(30).optional(),
        替换原有关键词: z.boolean().optional(),
        排除: z.array(word(30, '排除的词')).max(30).optional(),
        必需: z.boolean().optional(),
      }),
    )
    .max(100)
    .optional(),
});

/** The keys the file may have at a path (the top level, or an object inside 时间表, 数据项…), for "不认识的项目". */
function keysAt(path: JsonPath): string[] {
  type Node = { def?: { type?: string; innerType?: unknown; element?: unknown }; shape?: Record<string, unknown> };
  const unwrap = (node: Node): Node => (node.def?.type === 'optional' ? unwrap(node.def.innerType as Node) : node);
  let schema = unwrap(FileSchema as unknown as Node);
  for (const step of path) {
    if (typeof step === 'number' && schema.def?.type === 'array') schema = unwrap(schema.def.element as Node);
    else if (typeof step === 'string' && schema.shape?.[step]) schema = unwrap(schema.shape[step] as Node);
    else return [];
  }
  const shape = schema.shape;
  return shape ? Object.keys(shape) : [];
}

/** The path of a value as the clerk finds it in the file: 提纲模板 → 第1项 → id. */
function label(path: JsonPath): string {
  return path.length ? `“${path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : p)).join(' → ')}”` : '';
}

export { CountyProfileSchema, PROFILE_VERSION, type CountyProfile } from './model';

export type ProfileParse = { ok: true; profile: CountyProfile } | { ok: false; error: string };

class ProfileError extends Error {
  constructor(
    readonly path: JsonPath,
    message: string,
  ) {
    super(message);
  }
}

/** zod's own Chinese messages, for what issueMessage does not word itself (a template's fields). */
const ZH = { reportInput: true, error: z.locales.zhCN().localeError } as const;

/** A zod issue in Chinese: the common kinds in words a clerk reads, the rest by zod's own message. */
function issueMessage(issue: z.core.$ZodIssue): string {
  const keys = () => keysAt(issue.path.filter((p): p is string | number => typeof p !== 'symbol')).join('、');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少这一项';
      return `应是${({ string: '用双引号括起来的文字', number: '数字', array: '用 [ ] 括起来的列表', object: '用 { } 括起来的一组项目', boolean: 'true 或 false' } as Record<string, string>)[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `不认识的项目“${issue.keys.join('”“')}”（可用的项目：${keys()}）`;
    default:
      return issue.message;
  }
}

/** "04-01", "4-1", "4月1日" → "04-01"; null when it is none of these or not a date. */
function parseDeadline(value: string): string | null {
  const m = /^\s*(\d{1,2})\s*(?:-|月)\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(2001, month, 0).getDate()) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2027-10-15", "2027-1-5", "2027年10月15日" → "2027-10-15"; null when it is none of these or not a date. */
function parseDay(value: string): string | null {
  const m = /^\s*(\d{4})\s*(?:-|年)\s*(\d{1,2})\s*(?:-|月)\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!m) return null;
  const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(y, month, 0).getDate()) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 时间表 in the calendar's own form: each entry replaces the built-in one it names, or is added (countyLists.ts). */
function resolveCalendar(file: NonNullable<z.infer<typeof FileSchema>['时间表']>): CalendarChanges {
  const dayAt = (value: string, path: JsonPath) => {
    const iso = parseDay(value);
    if (!iso) throw new ProfileError(path, `“${value}”不是日期，应写作“2027-10-15”或“2027年10月15日”`);
    return iso;
  };
  return {
    congresses: (file.党代会 ?? []).map((c, i) => ({
      name: `${chineseNumeral(c.届次)}大`,
      number: c.届次,
      date: dayAt(c.日期, ['时间表', '党代会', i, '日期']),
    })),
    plenums: (file.全会 ?? []).map((p, i) => ({
      congress: p.届次,
      session: p.第几次全会,
      date: dayAt(p.日期, ['时间表', '全会', i, '日期']),
    })),
    programmes: (file.规划 ?? []).map((p, i) => {
      if (p.止 < p.起) throw new ProfileError(['时间表', '规划', i, '止'], `结束年份 ${p.止} 早于开始年份 ${p.起}`);
      return { name: p.名称, from: p.起, to: p.止, patterns: p.写法?.length ? p.写法 : [p.名称] };
    }),
    formulas: (file.过时提法 ?? []).map((f) => ({
      name: f.名称,
      text: f.原文,
      until: f.截至,
      replacement: f.新提法,
    })),
  };
}

/**
 * 数据项 as changes to the figures: one naming a built-in figure (by name or id) rewords it, any other is the
 * county's own (its name is its id, and it must say its units and keywords). A keyword may find one figure only.
 */
function resolveIndicators(file: NonNullable<z.infer<typeof FileSchema>['数据项']>): {
  changes: IndicatorChange[];
  required: string[];
} {
  const changes: IndicatorChange[] = [];
  const required: string[] = [];
  const seen = new Set<string>();
  file.forEach((item, i) => {
    const builtin = INDICATORS.find((ind) => ind.id === item.名称 || ind.name === item.名称);
    const id = builtin?.id ?? item.名称;
    if (seen.has(id)) throw new ProfileError(['数据项', i, '名称'], `“${item.名称}”写了两次，请合并为一项`);
    seen.add(id);
    if (!builtin && !item.单位)
      throw new ProfileError(['数据项', i], `“${item.名称}”不是软件自带的数据，要写“单位”，如 ["件"]`);
    if (!builtin && !item.关键词?.length)
      throw new ProfileError(['数据项', i], `“${item.名称}”不是软件自带的数据，要写“关键词”：正文中怎样说到它`);
    if (item.替换原有关键词 && !item.关键词?.length)
      throw new ProfileError(['数据项', i, '替换原有关键词'], '替换原有关键词时要写“关键词”');
    changes.push({
      id,
      name: builtin?.name ?? item.名称,
      units: item.单位 ?? null,
      keywords: item.关键词 ?? [],
      exclude: item.排除 ?? [],
      replaceKeywords: item.替换原有关键词 ?? false,
    });
    if (item.必需) required.push(id);
  });
  // A keyword of the county's that another figure also uses would give one number to two figures.
  const merged = mergeIndicators(INDICATORS, changes);
  changes.forEach((change, i) => {
    const other = (k: string) => merged.find((ind) => ind.id !== change.id && ind.keywords.includes(k));
    change.keywords.forEach((k, j) => {
      const owner = other(k);
      if (owner)
        throw new ProfileError(
          ['数据项', i, '关键词', j],
          `关键词“${k}”已用于“${owner.name}”，同一个词不能用来找两项数据`,
        );
    });
  });
  return { changes, required };
}

function resolve(file: z.infer<typeof FileSchema>, version: number): CountyProfile {
  for (const key of VERSION_2_KEYS)
    if (file[key] !== undefined && version < 2)
      throw new ProfileError([key], `“${key}”是第 2 版配置的项目，请把开头的 "version": ${version} 改为 "version": 2`);
  const calendar = file.时间表 ? resolveCalendar(file.时间表) : undefined;
  const figures = file.数据项 ? resolveIndicators(file.数据项) : undefined;
  const indicators = figures ? mergeIndicators(INDICATORS, figures.changes) : INDICATORS;

  const templates = (file.提纲模板 ?? []).map((raw, i) => {
    const parsed = parseTemplate(raw, '');
    if (!parsed.ok) {
      // Name the template's own wrong field where the schema can: re-run it for the path.
      const issue = TemplateSchema.safeParse(raw, ZH).error?.issues[0];
      throw new ProfileError(
        ['提纲模板', i, ...(issue?.path ?? [])].filter((p): p is string | number => typeof p !== 'symbol'),
        issue ? issueMessage(issue) : parsed.error,
      );
    }
    return parsed.template;
  });

  let deadline: string | null = null;
  if (file.公开期限 !== undefined) {
    deadline = parseDeadline(file.公开期限);
    if (!deadline)
      throw new ProfileError(
        ['公开期限'],
        `“${file.公开期限}”不是日期，应写作“03-31”或“3月31日”（次年的几月几日前公开）`,
      );
  }

  const named = (file.必需数据 ?? []).map((name, i) => {
    const found = indicators.find((ind) => ind.id === name.trim() || ind.name === name.trim());
    if (!found)
      throw new ProfileError(
        ['必需数据', i],
        `不认识的数据“${name}”。可用的有：${indicators.map((ind) => ind.name).join('、')}（县里自己的数据先写在“数据项”中）`,
      );
    return found.id;
  });
  const requiredFigures = [...new Set([...named, ...(figures?.required ?? [])])];

  // Minimum lengths name a part by its id or its title, in a built-in template or one of this profile's.
  const parts = [...BUILTIN_TEMPLATES, ...templates].flatMap((t) => t.parts);
  const minChars: Record<string, number> = {};
  for (const [name, chars] of Object.entries(file.最少字数 ?? {})) {
    const part = parts.find((p) => p.id === name || p.title === name.trim());
    if (!part)
      throw new ProfileError(
        ['最少字数', name],
        `没有名为“${name}”的部分。可写：${[...new Set(parts.map((p) => p.title))].join('、')}`,
      );
    minChars[part.id] = chars;
  }

  const ruleOf = (name: string, path: JsonPath): RuleId => {
    const id = name.trim();
    if (isRuleId(id)) return id;
    const byTitle = RULE_IDS.find((r) => RULES[r].title === id);
    if (byTitle) return byTitle;
    // Name the rules the clerk probably meant: those of the same family prefix, else all of them.
    const prefix = id.split('.')[0]!;
    const near = RULE_IDS.filter((r) => r.split('.')[0] === prefix);
    const list = (near.length ? near : RULE_IDS).map((r) => `${r}（${RULES[r].title}）`).join('、');
    throw new ProfileError(path, `不认识的规则“${name}”。规则按编号或名称写，可写：${list}`);
  };
  const severities: Partial<Record<RuleId, Severity>> = {};
  for (const [name, level] of Object.entries(file.规则级别 ?? {})) {
    const rule = ruleOf(name, ['规则级别', name]);
    const severity = SEVERITY_WORDS[level.trim()];
    if (!severity) throw new ProfileError(['规则级别', name], `级别“${level}”应是“错误”“警告”或“建议”`);
    severities[rule] = severity;
  }
  const off = (file.关闭规则 ?? []).map((name, i) => ruleOf(name, ['关闭规则', i]));

  return {
    version: PROFILE_VERSION,
    reviewer: file.审核单位 ?? null,
    deadline,
    addressee: file.主送机关 ?? null,
    templates,
    requiredFigures,
    minChars,
    placeholders: file.占位符 ?? [],
    confusables: (file.易混用词 ?? []).map((c) => ({ wrong: c.错, right: c.对, why: c.说明 })),
    severities,
    off,
    ...(calendar ? { calendar } : {}),
    ...(figures ? { indicators: figures.changes } : {}),
  };
}

/**
 * Read a county's profile from its text. Every refusal is one Chinese sentence naming the line and column
 * of the mistake; a profile written for a newer version of the app says so.
 */
export function parseProfile(source: string, name = '县里的配置'): ProfileParse {
  if (source.length > MAX_PROFILE_BYTES) return { ok: false, error: `${name}太大（超过 1 MB），不像是配置文件。` };
  let parsed;
  try {
    parsed = parseJsonWithPositions(source);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, error: `${name}格式有误，${error.message}。` };
    throw error;
  }
  const at = (path: JsonPath) => {
    const p = parsed.positionOf(path);
    return `第 ${p.line} 行第 ${p.column} 列`;
  };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: `${name}应是用 { } 括起来的一组项目。` };
  const version = (value as Record<string, unknown>).version;
  if (version === undefined)
    return { ok: false, error: `${name}缺少 "version"（版本号），第一项应写 "version": ${PROFILE_VERSION}。` };
  if (typeof version === 'number' && Number.isInteger(version) && version > PROFILE_VERSION) {
    return {
      ok: false,
      error: `${name}是第 ${version} 版的格式，由较新版本的法治年报助手使用；这个版本只能读第 ${PROFILE_VERSION} 版。请升级软件后再导入。`,
    };
  }
  // Version 1 (no 时间表 or 数据项) is still read as written.
  if (version !== PROFILE_VERSION && version !== 1)
    return { ok: false, error: `${name}${at(['version'])}：版本号应是 ${PROFILE_VERSION}。` };

  const result = FileSchema.safeParse(value, ZH);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // An unknown key is reported where that key is written, not where its object starts.
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : [])].filter(
      (p): p is string | number => typeof p !== 'symbol',
    );
    return { ok: false, error: `${name}${at(path)}${label(path)}：${issueMessage(issue)}。` };
  }
  try {
    return { ok: true, profile: resolve(result.data, version) };
  } catch (error) {
    if (error instanceof ProfileError)
      return { ok: false, error: `${name}${at(error.path)}${label(error.path)}：${error.message}。` };
    throw error;
  }
}

/** The catalogue as a county reads it: for the README and the app's help, one line per rule. */
export function describeRules(): string[] {
  return RULE_IDS.map(
    (id) => `${id}\t${RULES[id].title}\t${FAMILY_TITLES[RULES[id].family]}\t${SEVERITY_NAMES[RULES[id].severity]}`,
  );
}
