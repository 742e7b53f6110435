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
import { useStableCallback } from '../hooks/useStableCallback';
import { parseFigure, type Figure } from './figure';

interface FieldProps {
  name: string;
  units: readonly string[];
  readOnly: boolean;
  value: number | null;
  placeholder: string;
  onChange: (figure: Figure | null) => void;
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

interface RowProps {
  id: string;
  name: string;
  units: readonly string[];
  readOnly: boolean;
  value: number | null;
  /** The unit shown: the clerk's, else the prose's, else the figure's first. */
  unit: string;
  /** What the prose says (正文), or null when it does not mention the figure. */
  proseValue: number | null;
  proseText: string;
  last: number | undefined;
  onFigure: (id: string, figure: Figure | null) => void;
}

/**
 * One figure's row. Memoised on what it shows (all plain values and one stable callback): a check after
 * each keystroke gives the form a new list of figures, and re-rendering every field re-set every input's
 * attributes (measured: 52 inputs touched per keystroke) while the clerk typed in the text.
 */
const FigureRow = memo(
  function FigureRow({ id, name, units, readOnly, value, unit, proseValue, proseText, last, onFigure }: RowProps) {
    return (
      <tr>
        <th scope="row">{name}</th>
        <td>
          <FigureField
            name={name}
            units={units}
            readOnly={readOnly}
            value={value}
            placeholder={proseValue === null ? '' : String(proseValue)}
            onChange={(figure) => onFigure(id, figure)}
          />
        </td>
        <td className="unit">{unit}</td>
        <td className="muted prose-figure" title={proseText || '正文中没有找到这项数据'}>
          {proseValue !== null ? `正文：${proseValue}` : '未提及'}
          {last !== undefined ? `（${last}）` : ''}
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.name === b.name &&
    a.units.join('|') === b.units.join('|') &&
    a.readOnly === b.readOnly &&
    a.value === b.value &&
    a.unit === b.unit &&
    a.proseValue === b.proseValue &&
    a.proseText === b.proseText &&
    a.last === b.last &&
    a.onFigure === b.onFigure,
);

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
  const proseOf = (id: string) => found.find((f) => f.id === id && f.text);
  // Stable for the rows' memo; reads the figures as they are when the clerk types.
  const onFigure = useStableCallback((id: string, figure: Figure | null) => {
    const ind = rows.find((i) => i.id === id);
    if (!ind) return;
    const next = { ...indicators };
    if (figure === null) delete next[id];
    else
      next[id] = {
        value: figure.value,
        unit: figure.unit ?? indicators[id]?.unit ?? proseOf(id)?.unit ?? ind.units[0]!,
      };
    onChange(next);
  });
  return (
    <details className="indicators" open>
      <summary>主要数据（与正文对照{previous ? `，括号内为${previous.year}年` : ''}）</summary>
      <table>
        <tbody>
          {rows.map((ind) => {
            const entry = indicators[ind.id];
            const prose = proseOf(ind.id);
            return (
              <FigureRow
                key={ind.id}
                id={ind.id}
                name={ind.name}
                units={ind.units}
                readOnly={readOnly}
                value={entry?.value ?? null}
                unit={entry?.unit ?? prose?.unit ?? ind.units[0] ?? ''}
                proseValue={prose?.value ?? null}
                proseText={prose?.text ?? ''}
                last={previous?.indicators[ind.id]}
                onFigure={onFigure}
              />
            );
          })}
        </tbody>
      </table>
    </details>
  );
});
