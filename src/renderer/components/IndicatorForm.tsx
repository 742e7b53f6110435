/**
 * The figures of the report as form fields: what the clerk types here is checked against the prose
 * (indicator.mismatch), with what the prose says and last year's value (同比) beside each field.
 */
import { indicatorsOf } from '../../core/checks/countyLists';
import { countyTemplate } from '../../core/checks/county';
import { BUILTIN_INDICATORS } from '../../core/checks/indicators';
import type { CountyProfile } from '../../core/profile/model';
import type { IndicatorSummary } from '../../core/checks/types';
import type { ReportDocument } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';
import { memo, useState } from 'react';
import { parseFigure } from './figure';

interface FieldProps {
  name: string;
  units: readonly string[];
  readOnly: boolean;
  value: number | null;
  placeholder: string;
  onChange: (figure: { value: number; unit?: string } | null) => void;
}

/** One figure: the clerk's typing stays as typed while the field has focus; a unit typed after the number is taken. */
function FigureField({ name, units, readOnly, value, placeholder, onChange }: FieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  return (
    <>
      <input
        aria-label={name}
        inputMode="decimal"
        disabled={readOnly}
        value={draft ?? (value === null ? '' : String(value))}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const parsed = parseFigure(text, units);
          setProblem(parsed.kind === 'invalid' ? parsed.message : '');
          if (parsed.kind === 'empty') onChange(null);
          else if (parsed.kind === 'value')
            onChange(parsed.unit ? { value: parsed.value, unit: parsed.unit } : { value: parsed.value });
        }}
        onBlur={() => {
          if (!problem) setDraft(null);
        }}
      />
      {problem && (
        <div className="field-problem" role="alert">
          {problem}
        </div>
      )}
    </>
  );
}

interface Props {
  indicators: ReportDocument['indicators'];
  previous: ReportDocument['previous'];
  template: Template;
  found: readonly IndicatorSummary[];
  readOnly: boolean;
  onChange: (indicators: ReportDocument['indicators']) => void;
  /** The county's profile: its own figures, and those it requires, get fields too. */
  profile?: CountyProfile | null;
}

/** Memoised on the figures it shows: the report's text changing does not re-render it, a new check does. */
export const IndicatorForm = memo(function IndicatorForm({
  indicators,
  previous,
  template,
  found,
  readOnly,
  onChange,
  profile,
}: Props) {
  const county = profile ?? undefined;
  const expected = new Set([
    ...countyTemplate(template, county).parts.flatMap((p) => [
      ...p.indicators,
      ...p.subsections.flatMap((s) => s.indicators),
    ]),
    // The county's own figures (not its rewording of built-in ones) in an annual report.
    ...(template.kind === 'annual' ? (county?.indicators ?? []) : [])
      .map((c) => c.id)
      .filter((id) => !BUILTIN_INDICATORS.names.has(id)),
  ]);
  const rows = indicatorsOf(county).list.filter((i) => expected.has(i.id));
  return (
    <details className="indicators" open>
      <summary>主要数据（与正文对照{previous ? `，括号内为${previous.year}年` : ''}）</summary>
      <table>
        <tbody>
          {rows.map((ind) => {
            const entry = indicators[ind.id];
            const prose = found.find((f) => f.id === ind.id && f.text);
            const last = previous?.indicators[ind.id];
            return (
              <tr key={ind.id}>
                <th scope="row">{ind.name}</th>
                <td>
                  <FigureField
                    name={ind.name}
                    units={ind.units}
                    readOnly={readOnly}
                    value={entry?.value ?? null}
                    placeholder={prose ? String(prose.value) : ''}
                    onChange={(figure) => {
                      const next = { ...indicators };
                      if (figure === null) delete next[ind.id];
                      else
                        next[ind.id] = {
                          value: figure.value,
                          unit: figure.unit ?? entry?.unit ?? prose?.unit ?? ind.units[0]!,
                        };
                      onChange(next);
                    }}
                  />
                </td>
                <td className="unit">{entry?.unit ?? prose?.unit ?? ind.units[0]}</td>
                <td className="muted prose-figure" title={prose?.text ?? '正文中没有找到这项数据'}>
                  {prose ? `正文：${prose.value}` : '未提及'}
                  {last !== undefined ? `（${last}）` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
});
