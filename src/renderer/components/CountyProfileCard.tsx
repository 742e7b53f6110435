/** 县里的配置 on the start screen: which county's profile is in use and what it changes; import or remove it. */
import { RULES } from '../../core/checks/catalogue';
import { indicatorsOf } from '../../core/checks/countyLists';
import { SEVERITY_NAMES } from '../../core/profile/schema';
import type { CountyProfileState } from '../hooks/useCountyProfile';
import { chineseNumeral } from '../../core/text/numerals';

/** What the profile changes, one short line each, in the words of the file the county wrote. */
function summary(county: CountyProfileState): string[] {
  const p = county.profile;
  if (!p) return [];
  const [mm, dd] = p.deadline?.split('-').map(Number) ?? [];
  const figures = indicatorsOf(p);
  const calendar = p.calendar;
  const calendarItems = calendar
    ? [
        ...calendar.congresses.map((c) => `党的${c.name}`),
        ...calendar.plenums.map((pl) => `${chineseNumeral(pl.congress)}届${chineseNumeral(pl.session)}中全会`),
        ...calendar.programmes.map((pr) => `${pr.name}（${pr.from}—${pr.to}年）`),
        ...calendar.formulas.map((f) => `“${f.text}”`),
      ]
    : [];
  const lines = [
    p.deadline && `公开期限：次年${mm}月${dd}日前`,
    p.addressee && `主送机关：${p.addressee}`,
    p.templates.length > 0 && `提纲模板：${p.templates.map((t) => t.name).join('、')}`,
    p.requiredFigures.length > 0 &&
      `必需数据：${p.requiredFigures.map((id) => figures.names.get(id) ?? id).join('、')}`,
    (p.indicators?.length ?? 0) > 0 &&
      `数据项：${p.indicators!.map((c) => figures.names.get(c.id) ?? c.name).join('、')}`,
    calendarItems.length > 0 && `时间表：${calendarItems.join('、')}`,
    Object.keys(p.minChars).length > 0 && `最少字数：${Object.keys(p.minChars).length} 个部分`,
    p.placeholders.length > 0 && `占位符：${p.placeholders.join('、')}`,
    p.confusables.length > 0 && `易混用词：${p.confusables.map((c) => `${c.wrong}→${c.right}`).join('、')}`,
    Object.keys(p.severities).length > 0 &&
      `规则级别：${Object.entries(p.severities)
        .map(([id, s]) => `${RULES[id as keyof typeof RULES]?.title ?? id}为${SEVERITY_NAMES[s]}`)
        .join('、')}`,
    p.off.length > 0 && `关闭的规则：${p.off.map((id) => RULES[id]?.title ?? id).join('、')}`,
  ];
  return lines.filter((l): l is string => typeof l === 'string' && l.length > 0);
}

export function CountyProfileCard({ county }: { county: CountyProfileState }) {
  const lines = summary(county);
  return (
    <section className="card county-profile" aria-label="县里的配置">
      <h2>县里的配置</h2>
      {county.profile ? (
        <>
          <p>
            正在使用：<strong>{county.name}</strong>
          </p>
          {lines.length > 0 ? (
            <ul className="county-profile-items">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="hint">这份配置只写明了审核单位，检查按通用标准。</p>
          )}
          <div className="county-profile-actions">
            <button type="button" onClick={() => void county.importProfile()}>
              重新导入…
            </button>
            <button type="button" onClick={() => void county.removeProfile()}>
              移除
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="hint">
            县司法局下发了配置文件（.json）时，导入一次即可：检查按县里的期限、字数、必需数据和规则级别，批注署县里的审核单位。
          </p>
          <button type="button" onClick={() => void county.importProfile()}>
            导入县里的配置…
          </button>
        </>
      )}
    </section>
  );
}
