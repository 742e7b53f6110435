/**
 * 图表 of the reviewer's desk: one figure at a time, the towns as horizontal bars, largest first, and the
 * towns that do not give it listed as 未填报. ECharts, tree-shaken (bar chart, grid, tooltip, aria, SVG
 * renderer): it works offline, draws Chinese in the system's fonts, and its aria module gives the chart
 * a spoken description; SVG keeps the labels as text, sharp at any zoom. Loaded only when the tab is opened.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chartFigures, figureChart } from '../../core/review/chart';
import type { ReviewedReport } from '../../core/review/table';
import type { Indicator } from '../../core/checks/listSchemas';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** The app's own UI fonts first, then what Windows, UOS/Kylin and a Debian machine have for Chinese. */
const FONT = "system-ui, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
const BAR_HEIGHT = 26;
/** A town with last year's bar beside this year's needs room for two. */
const PAIR_HEIGHT = 40;
const THIS_YEAR = '#1a5fb4';
const LAST_YEAR = '#9aa6b2';

interface Props {
  reports: readonly ReviewedReport[];
  /** Last year's reports, when the reviewer gave last year's folder: a 去年 bar beside each town's. */
  lastYear?: readonly ReviewedReport[] | undefined;
  /** The figures as the county's profile has them. */
  indicators: readonly Indicator[];
}

export default function ReviewChart({ reports, lastYear, indicators }: Props) {
  const figures = useMemo(() => chartFigures(reports, indicators), [reports, indicators]);
  // The figure most towns give is the first one worth looking at.
  const [chosen, setChosen] = useState<string | null>(null);
  const figureId =
    chosen && figures.some((f) => f.id === chosen)
      ? chosen
      : ([...figures].sort((a, b) => b.count - a.count)[0]?.id ?? null);
  const chart = useMemo(
    () => (figureId ? figureChart(reports, figureId, lastYear) : null),
    [reports, figureId, lastYear],
  );
  const [unitChoice, setUnitChoice] = useState('');
  const group = chart?.byUnit.find((g) => g.unit === unitChoice) ?? chart?.byUnit[0];
  const figureName = figures.find((f) => f.id === figureId)?.name ?? '';
  const box = useRef<HTMLDivElement>(null);

  // One chart while the box is shown; new data (another figure, or the next report checked) only redraws it.
  const instance = useRef<echarts.ECharts | null>(null);
  const shown = group !== undefined;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const drawn = echarts.init(element, undefined, { renderer: 'svg' });
    instance.current = drawn;
    const resize = () => drawn.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      drawn.dispose();
      instance.current = null;
    };
  }, [shown]);

  useEffect(() => {
    const drawn = instance.current;
    if (!drawn || !group) return;
    const unit = group.unit;
    const withLast = chart?.withLastYear ?? false;
    const lastText = (last: number | string | undefined) =>
      last === undefined ? '' : typeof last === 'number' ? `（去年 ${last}${unit}）` : `（${last}）`;
    const spoken = group.bars.map((b) => `${b.town} ${b.value}${unit}${lastText(b.last)}`).join('，');
    // A town with no last-year bar says why beside its name: no report last year, the figure left out, another unit.
    const gaps = new Map(group.bars.flatMap((b) => (typeof b.last === 'string' ? [[b.town, b.last]] : [])));
    const label = (color: string) => ({
      show: true,
      position: 'right' as const,
      formatter: `{c}${unit}`,
      fontFamily: FONT,
      color,
    });
    const thisYear = {
      type: 'bar' as const,
      name: withLast ? '今年' : figureName,
      data: group.bars.map((b) => b.value),
      barMaxWidth: 18,
      itemStyle: { color: THIS_YEAR },
      label: label('#333'),
    };
    drawn.resize(); // the box's height follows the number of towns
    drawn.setOption(
      {
        animation: false,
        textStyle: { fontFamily: FONT, fontSize: 13 },
        aria: {
          enabled: true,
          label: {
            description: `${figureName}${unit ? `（${unit}）` : ''}，从高到低：${spoken}。${chart?.missing.length ? `未填报：${chart.missing.join('、')}。` : ''}`,
          },
        },
        ...(withLast ? { legend: { data: ['去年', '今年'], top: 0, right: 8, textStyle: { fontFamily: FONT } } } : {}),
        grid: { left: 8, right: 72, top: withLast ? 52 : 28, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (value: unknown) =>
            typeof value === 'number' ? `${String(value)}${unit}` : '无（见镇名旁的说明）',
        },
        // The unit is in the caption and on every bar; as the axis name it would sit on the longest bar's label.
        xAxis: { type: 'value', position: 'top', axisLabel: { fontFamily: FONT } },
        // inverse: the first (largest) town at the top, as one reads a ranked list.
        yAxis: {
          type: 'category',
          inverse: true,
          data: group.bars.map((b) => b.town),
          axisLabel: {
            interval: 0,
            fontFamily: FONT,
            fontSize: 13,
            formatter: (town: string) => (gaps.has(town) ? `${town}（${gaps.get(town)}）` : town),
          },
          axisTick: { show: false },
        },
        series: withLast
          ? [
              {
                type: 'bar',
                name: '去年',
                // '-' draws no bar: the town's label says why.
                data: group.bars.map((b) => (typeof b.last === 'number' ? b.last : '-')),
                barMaxWidth: 14,
                itemStyle: { color: LAST_YEAR },
                label: label('#666'),
              },
              thisYear,
            ]
          : [thisYear],
      },
      { notMerge: true },
    );
  }, [group, chart, figureName]);

  if (!figureId || !chart)
    return <p className="hint">这些报告中还没有能比较的数字（如矛盾纠纷排查化解件数、法治培训场次）。</p>;
  const readable = reports.filter((r) => !r.row.problem).length;
  return (
    <section className="review-chart" aria-label="各镇数字对比">
      <div className="review-chart-controls">
        <label>
          指标：
          <select
            value={figureId}
            onChange={(e) => {
              setChosen(e.target.value);
              setUnitChoice('');
            }}
          >
            {figures.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}（{f.count}/{readable} 份填报）
              </option>
            ))}
          </select>
        </label>
        {chart.byUnit.length > 1 && (
          <label title="同一指标按不同单位填报的，分开比较">
            单位：
            <select value={group?.unit ?? ''} onChange={(e) => setUnitChoice(e.target.value)}>
              {chart.byUnit.map((g) => (
                <option key={g.unit} value={g.unit}>
                  {g.unit || '（无单位）'}（{g.bars.length} 份）
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {group && (
        <p className="review-chart-caption">
          {figureName}
          {group.unit ? `（${group.unit}）` : ''}：{group.bars.length} 份，从高到低
          {chart.withLastYear && '；灰色为去年（按单位名称对应）'}
        </p>
      )}
      {group && (
        <div
          ref={box}
          className="review-chart-canvas"
          style={{
            height:
              group.bars.length * (chart.withLastYear ? PAIR_HEIGHT : BAR_HEIGHT) + (chart.withLastYear ? 72 : 48),
          }}
        />
      )}
      {chart.byUnit.length > 1 && (
        <p className="hint">
          另有{' '}
          {chart.byUnit
            .filter((g) => g !== group)
            .map((g) => `${g.bars.length} 份以“${g.unit || '无单位'}”填报`)
            .join('，')}
          ，可在“单位”中切换。
        </p>
      )}
      <p className="review-chart-missing">
        未填报（{chart.missing.length} 份）：{chart.missing.length ? chart.missing.join('、') : '无'}
      </p>
    </section>
  );
}
