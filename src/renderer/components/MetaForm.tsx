/** 单位、年度、标题、主送机关、署名、成文日期: the report's metadata. */
import { formatChineseDate, type ReportMeta } from '../../core/model/report';
import { fillTemplateText } from '../../core/model/fromTemplate';
import type { Template } from '../../core/templates/schema';

interface Props {
  meta: ReportMeta;
  template: Template;
  readOnly: boolean;
  onChange: (meta: ReportMeta) => void;
}

export function MetaForm({ meta, template, readOnly, onChange }: Props) {
  const set = <K extends keyof ReportMeta>(key: K, value: ReportMeta[K]) => onChange({ ...meta, [key]: value });
  return (
    <fieldset className="meta" disabled={readOnly} aria-label="报告信息">
      <label>
        单位
        <input id="meta-unit" value={meta.unit} onChange={(e) => set('unit', e.target.value)} />
      </label>
      <label>
        报告年度
        <input
          id="meta-year"
          inputMode="numeric"
          value={meta.year ?? ''}
          onChange={(e) => set('year', /^\d{4}$/.test(e.target.value) ? Number(e.target.value) : null)}
        />
      </label>
      <label className="wide">
        标题
        <textarea id="meta-title" rows={2} value={meta.title} onChange={(e) => set('title', e.target.value)} />
        <button type="button" className="quiet" onClick={() => set('title', fillTemplateText(template.titleFormat, meta.unit, meta.year))}>
          按单位和年度生成
        </button>
      </label>
      <label className="wide">
        主送机关（可不填）
        <input id="meta-addressee" value={meta.addressee} placeholder="例如：县委、县政府：" onChange={(e) => set('addressee', e.target.value)} />
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
        <input id="meta-date" value={meta.date} placeholder="例如：2026年1月15日" onChange={(e) => set('date', e.target.value)} />
        <button type="button" className="quiet" onClick={() => set('date', formatChineseDate(new Date()))}>
          今天
        </button>
      </label>
    </fieldset>
  );
}
