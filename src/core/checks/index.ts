/**
 * The checker: reads a report model and says what a county reviewer would send back.
 * The app, the CLI and the tests all call `checkReport`; nothing else computes a rule.
 */
import { toPlainText } from '../model/plainText';
import type { ReportDocument } from '../model/report';
import { defaultRegistry, type TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import { checkStructure, summariseSections, type CheckContext } from './structure';
import { compareFindings, type CheckResult } from './types';

export interface CheckOptions {
  registry?: TemplateRegistry;
  /** Overrides the template named in the document. */
  template?: Template;
  /** Overrides the report year found in the document. */
  year?: number;
}

export function checkReport(doc: ReportDocument, options: CheckOptions = {}): CheckResult {
  const registry = options.registry ?? defaultRegistry;
  const template = options.template ?? registry.getOrDefault(doc.meta.templateId);
  const year = options.year ?? doc.meta.year;
  const plain = toPlainText(doc);
  const ctx: CheckContext = { doc, plain, parts: template.parts };
  const all = checkStructure(ctx).sort(compareFindings);
  const ignoredSet = new Set(doc.ignoredFindings);
  const findings = all.filter((f) => !ignoredSet.has(f.fingerprint));
  const ignored = all.filter((f) => ignoredSet.has(f.fingerprint));
  return {
    template: template.id,
    unit: doc.meta.unit,
    year,
    title: doc.meta.title.replace(/\n/g, ''),
    sections: summariseSections(ctx),
    indicators: [],
    findings,
    ignored,
    ready: !findings.some((f) => f.severity === 'error'),
  };
}

export type { CheckResult, Finding, Severity } from './types';
