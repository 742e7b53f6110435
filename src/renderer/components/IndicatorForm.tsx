/**
 * The figures of the report as form fields: what the clerk types here is checked against the prose
 * (indicator.mismatch), with what the prose says and last year's value (同比) beside each field.
 */
import { INDICATORS } from '../../core/checks/indicators';
import type { IndicatorSummary } from '../../core/checks/types';
import type { ReportDocument } from '../../core/model/report';
import type { Template } from '../../core/templates/schema';

interface Props {
  doc: ReportDocument;
  template: Template;
  found: readonly IndicatorSummary[];
  readOnly: boolean;
  onChange: (indicators: ReportDocument['indicators']) => void;
}

export function IndicatorForm({ doc, template, found, readOnly, onChange }: Props) {
  const expected = new Set(template.parts.flatMap((p) => [...p.indicators, ...p.subsections.flatMap((s) => s.indicators)]));
  const rows = INDICATORS.filter((i) => expected.has(i.id));
  const previous = doc.previous;
  return (
    <details className="indicators" open>
      <summary>主要数据（与正文对照{previous ? `，括号内为${previous.year}年` : ''}）</summary>
      <table>
        <tbody>
          {rows.map((ind) => {
            const entry = doc.indicators[ind.id];
            const prose = found.find((f) => f.id === ind.id && f.text);
            const last = previous?.indicators[ind.id];
            return (
              <tr key={ind.id}>
                <th scope="row">{ind.name}</th>
                <td>
                  <input
                    aria-label={ind.name}
                    inputMode="decimal"
                    disabled={readOnly}
                    value={entry?.value ?? ''}
                    placeholder={prose ? String(prose.value) : ''}
                    onChange={(e) => {
                      const text = e.target.value.trim();
                      const next = { ...doc.indicators };
                      if (text === '' || Number.isNaN(Number(text))) delete next[ind.id];
                      else next[ind.id] = { value: Number(text), unit: entry?.unit ?? prose?.unit ?? ind.units[0]! };
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
}
