/**
 * The rule catalogue: every rule id the checker can emit, with its family, default severity, Chinese title
 * and parameters. Rule modules take their severity from here (`severityOf`), never from a literal, so that
 * a severity is written once; a county's profile changes severities or switches rules off in one place
 * (`applyRuleSettings`, called by checkReport), after the rules have run.
 */
import type { Severity } from './types';

export type RuleFamily = 'structure' | 'indicators' | 'years' | 'publication' | 'form' | 'language';

export const FAMILY_TITLES: Record<RuleFamily, string> = {
  structure: '结构',
  indicators: '数据',
  years: '年份和提法',
  publication: '公开前的安全',
  form: '格式',
  language: '文字',
};

export interface RuleEntry {
  family: RuleFamily;
  /** The severity of the rule's usual finding. */
  severity: Severity;
  title: string;
  /**
   * Where one rule speaks at two levels, the other level by name: e.g. indicator.mismatch is an error when
   * the figures certainly say the same thing and a warning when they may not ("uncertain").
   */
  variants?: Readonly<Record<string, Severity>>;
  /** The rule's parameters with their default values (a county's profile may change some of them). */
  params?: Readonly<Record<string, string | number>>;
  /** What one of the rule's fixes mends, as 全部改正 counts them ("段" for punct.width); "处" when absent. */
  fixUnit?: string;
}

const rules = {
  // Structure
  'year.missing': { family: 'structure', severity: 'error', title: '没有写明报告年度', variants: { duty: 'warning' } },
  'section.missing': { family: 'structure', severity: 'error', title: '缺少必备部分' },
  'section.empty': { family: 'structure', severity: 'error', title: '部分没有正文' },
  'section.thin': {
    family: 'structure',
    severity: 'warning',
    title: '部分字数过少',
    params: { minChars: '模板各部分的最少字数' },
  },
  'section.no-causes': { family: 'structure', severity: 'warning', title: '不足没有分析原因' },
  'section.empty-subheading': {
    family: 'structure',
    severity: 'error',
    title: '小标题下没有正文',
    variants: { own: 'warning' },
  },
  'table.empty': { family: 'structure', severity: 'warning', title: '空表格' },
  'heading.sequence': { family: 'structure', severity: 'warning', title: '标题序号跳号或重复' },
  'heading.punctuation': { family: 'structure', severity: 'warning', title: '标题序号后的标点' },
  // A warning: answering last year's plans is no required content of the report (shared/spec/report.md lists
  // five), and the bare line is never printed or exported, so it cannot be handed in by mistake.
  'previous.unanswered': { family: 'structure', severity: 'warning', title: '去年计划没有写完成情况' },
  // Indicators
  'indicator.missing': { family: 'indicators', severity: 'warning', title: '缺少应有的数据' },
  'indicator.mismatch': {
    family: 'indicators',
    severity: 'error',
    title: '数字前后不一致',
    variants: { uncertain: 'warning' },
  },
  'indicator.rate-range': { family: 'indicators', severity: 'error', title: '比率超过100%' },
  'indicator.ratio': { family: 'indicators', severity: 'error', title: '部分大于总数' },
  'indicator.rate-mismatch': { family: 'indicators', severity: 'warning', title: '比率与数字不符' },
  // Years and currency
  'year.mismatch': { family: 'years', severity: 'error', title: '年份前后不一致' },
  'year.plans': { family: 'years', severity: 'error', title: '工作打算的年份不对', variants: { unnamed: 'warning' } },
  'year.stale': { family: 'years', severity: 'warning', title: '照搬往年或相对时间', variants: { relative: 'info' } },
  'date.format': { family: 'years', severity: 'warning', title: '成文日期', params: { publishDeadline: '04-01' } },
  'era.congress': { family: 'years', severity: 'error', title: '党代会、全会提法不符' },
  'era.programme': { family: 'years', severity: 'warning', title: '规划、纲要提法过时' },
  // Publication safety
  'privacy.phone': { family: 'publication', severity: 'error', title: '电话号码' },
  'privacy.id': { family: 'publication', severity: 'error', title: '身份证号码' },
  'privacy.person': { family: 'publication', severity: 'warning', title: '当事人姓名' },
  'privacy.staff-line': { family: 'publication', severity: 'warning', title: '撰稿人、联系电话等内部信息' },
  placeholder: { family: 'publication', severity: 'error', title: '模板占位符' },
  // Form
  'punct.width': { family: 'form', severity: 'warning', title: '半角标点', variants: { many: 'info' }, fixUnit: '段' },
  'punct.pairs': { family: 'form', severity: 'warning', title: '引号、括号不成对' },
  'title.form': { family: 'form', severity: 'warning', title: '标题格式' },
  'signature.missing': { family: 'form', severity: 'warning', title: '缺少署名或成文日期' },
  // A warning: a 署名 may name the Party committee, the government or both, and a unit's name can be written
  // in ways the checker does not know; the clerk judges.
  'signature.unit': { family: 'form', severity: 'warning', title: '署名与报告单位不一致' },
  // Language
  'number.form': { family: 'language', severity: 'warning', title: '数字用法' },
  'punct.range': { family: 'language', severity: 'warning', title: '起止号' },
  'punct.ellipsis': { family: 'language', severity: 'info', title: '省略号和重复标点' },
  'word.confusable': { family: 'language', severity: 'warning', title: '易混用词' },
  'genre.request': { family: 'language', severity: 'warning', title: '请示用语' },
  'genre.closing': { family: 'language', severity: 'info', title: '结束语位置' },
  'basis.repealed': { family: 'language', severity: 'warning', title: '已废止的依据' },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof rules;
type VariantOf<R extends RuleId> = (typeof rules)[R] extends { variants: infer V } ? keyof V & string : never;

export const RULES: Readonly<Record<RuleId, RuleEntry>> = rules;
export const RULE_IDS = Object.keys(rules) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}

/** The severity a rule module gives a finding: the rule's own, or one of its named variants. */
export function severityOf<R extends RuleId>(rule: R, variant?: VariantOf<R>): Severity {
  const entry: RuleEntry = rules[rule];
  return variant ? entry.variants![variant]! : entry.severity;
}

/** A county's changes to the catalogue: a severity per rule, and rules switched off. */
export interface RuleSettings {
  severities?: Partial<Record<RuleId, Severity>>;
  off?: readonly RuleId[];
}

/**
 * The one place where a county's rule settings apply: findings of a rule switched off are dropped, and a
 * changed severity replaces every level the rule speaks at.
 */
export function applyRuleSettings<F extends { rule: string; severity: Severity }>(
  findings: F[],
  settings: RuleSettings | undefined,
): F[] {
  if (!settings) return findings;
  const off = new Set<string>(settings.off ?? []);
  const severities: Partial<Record<string, Severity>> = settings.severities ?? {};
  if (!off.size && !Object.keys(severities).length) return findings;
  const out: F[] = [];
  for (const f of findings) {
    if (off.has(f.rule)) continue;
    const severity = severities[f.rule];
    out.push(severity && severity !== f.severity ? { ...f, severity } : f);
  }
  return out;
}
