/** 单位、年度、标题、主送机关、署名、成文日期: the report's metadata. */
import { RULES } from '../../core/checks/catalogue';
import { dateSuggestion, type ReportMeta } from '../../core/model/report';
import { fillTemplateText } from '../../core/model/fromTemplate';
import type { Template } from '../../core/templates/schema';
import { memo, useState } from 'react';

/** The year as the clerk types it: digit by digit, selected and retyped, or cleared; only a whole year is taken. */
function YearField({ year, onChange }: { year: number | null; onChange: (year: number | null) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (year === null ? '' : String(year));
  const whole = /^\d{4}$/.test(text.trim()) && Number(text) >= 1949 && Number(text) <= 2200;
  const problem =
    draft !== null && text.trim() !== '' && !whole && text.trim().length >= 4 ? '请填写四位数的年份，例如 2025。' : '';
  return (
    <>
      <input
        id="meta-year"
        inputMode="numeric"
        value={text}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          const next = e.target.value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
          setDraft(next);
          const trimmed = next.trim();
          if (trimmed === '') onChange(null);
          else if (/^\d{4}$/.test(trimmed) && Number(trimmed) >= 1949 && Number(trimmed) <= 2200)
            onChange(Number(trimmed));
        }}
        // Leaving the field with a half-typed year shows the year still in force.
        onBlur={() => setDraft(null)}
      />
      {problem && (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}

interface Props {
  meta: ReportMeta;
  template: Template;
  readOnly: boolean;
  onChange: (meta: ReportMeta) => void;
}

/** Memoised: typing in the report leaves the metadata, and so this form, unchanged. */
export const MetaForm = memo(function MetaForm({ meta, template, readOnly, onChange }: Props) {
  const set = <K extends keyof ReportMeta>(key: K, value: ReportMeta[K]) => onChange({ ...meta, [key]: value });
  const date = dateSuggestion(meta.year, new Date(), String(RULES['date.format'].params!.publishDeadline));
  return (
    <fieldset className="meta" disabled={readOnly} aria-label="报告信息">
      <label>
        单位
        <input id="meta-unit" value={meta.unit} onChange={(e) => set('unit', e.target.value)} />
      </label>
      <label>
        报告年度
        <YearField year={meta.year} onChange={(year) => set('year', year)} />
      </label>
      <label className="wide">
        标题
        <textarea id="meta-title" rows={2} value={meta.title} onChange={(e) => set('title', e.target.value)} />
        <button
          type="button"
          className="quiet"
          onClick={() => set('title', fillTemplateText(template.titleFormat, meta.unit, meta.year))}
        >
          按单位和年度生成
        </button>
      </label>
      <label className="wide">
        主送机关（可不填）
        <input
          id="meta-addressee"
          value={meta.addressee}
          placeholder="例如：县委、县政府："
          onChange={(e) => set('addressee', e.target.value)}
        />
      </label>
      <label>
        署名
        <textarea
          id="meta-signature"
          rows={2}
          value={meta.signature.join('\n')}
          placeholder="每行一个署名单位"
          onChange={(e) => set('signature', e.target.value.split('\n'))}
        />
      </label>
      <label>
        成文日期
        <input
          id="meta-date"
          value={meta.date}
          placeholder={date.example}
          onChange={(e) => set('date', e.target.value)}
        />
        {/* Today only where the checker accepts it; before the report's year ends, why not instead. */}
        <button
          type="button"
          className="quiet"
          disabled={!date.today}
          title={date.why ?? '填入今天的日期'}
          onClick={() => date.today && set('date', date.today)}
        >
          今天
        </button>
        {/* Said while the date is to be filled: beside a date already there, "请填写…成文的日期" misled. */}
        {date.why && !meta.date.trim() && <span className="hint">{date.why}</span>}
      </label>
    </fieldset>
  );
});
