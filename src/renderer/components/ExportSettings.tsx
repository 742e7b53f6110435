/**
 * 版式设置: the font profile and the two options counties differ on, for the preview and every export. They
 * are set once per unit and kept in the app's settings, so they sit behind one toolbar button instead of in
 * the toolbar itself, which then fits one row on a 1366-pixel office screen.
 */
import { memo, useState } from 'react';
import { missingProfileFonts } from '../fonts/detect';
import { useMenuDetails } from './useMenuDetails';
import type { ExportOptions } from '../../shared/ipc';

const PROFILE_NAMES: Record<ExportOptions['fontProfile'], string> = {
  windows: 'Windows 自带字体',
  gb2312: '公文标准字体（GB2312）',
  kylin: '统信/麒麟（方正 GBK）',
};

interface Props {
  options: ExportOptions;
  onChange: (options: ExportOptions) => void;
}

/** Memoised: the toolbar re-renders after every keystroke's check; these settings change only when set. */
export const ExportSettings = memo(function ExportSettings({ options, onChange }: Props) {
  const details = useMenuDetails();
  // Which profiles this machine can show as printed: the clerk sees it where the choice is made, not only at export.
  // Measured when the panel is first opened, not when a report opens: measuring a font's text costs font
  // lookups (milliseconds each) that would delay the report's first picture, and the panel is opened rarely.
  const [lacking, setLacking] = useState<Partial<Record<string, string[]>>>({});
  const measureFonts = () => {
    if (!details.current?.open) return;
    setLacking(
      Object.fromEntries(
        Object.keys(PROFILE_NAMES).map((id) => [id, missingProfileFonts(id as ExportOptions['fontProfile'])]),
      ),
    );
  };
  const missingHere = lacking[options.fontProfile] ?? [];

  const summary = [
    PROFILE_NAMES[options.fontProfile],
    options.boldLevel3 ? '“1.”标题加粗' : '',
    options.includeAddressee ? '印主送机关' : '不印主送机关',
    options.sealed ? '加盖印章' : '',
  ]
    .filter(Boolean)
    .join('，');
  return (
    <details className="export-settings" ref={details} onToggle={measureFonts}>
      <summary title={`预览和导出的版式：${summary}`}>版式设置</summary>
      <div className="export-settings-panel" role="group" aria-label="版式设置">
        <label>
          字体
          <select
            value={options.fontProfile}
            onChange={(e) => onChange({ ...options, fontProfile: e.target.value as ExportOptions['fontProfile'] })}
          >
            {Object.entries(PROFILE_NAMES).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
                {lacking[id]?.length ? '（本机缺字体）' : ''}
              </option>
            ))}
          </select>
        </label>
        {missingHere.length > 0 && (
          <p className="hint">本机没有：{missingHere.join('、')}。导出的文件在装有这些字体的电脑上显示正常。</p>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={options.boldLevel3}
            onChange={(e) => onChange({ ...options, boldLevel3: e.target.checked })}
          />
          “1.”标题加粗
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={options.includeAddressee}
            onChange={(e) => onChange({ ...options, includeAddressee: e.target.checked })}
          />
          印主送机关
        </label>
        <label
          className="inline"
          title="加盖印章：成文日期右空四字，署名以成文日期为准居中；不加盖印章：署名右空二字，成文日期首字比署名首字右移二字"
        >
          <input
            type="checkbox"
            checked={options.sealed}
            onChange={(e) => onChange({ ...options, sealed: e.target.checked })}
          />
          加盖印章（署名居中于成文日期之上）
        </label>
        <p className="hint">按本单位的习惯设一次即可，以后预览和导出都照此执行。</p>
      </div>
    </details>
  );
});
