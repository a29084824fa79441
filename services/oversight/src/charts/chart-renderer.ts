import type { EChartsCoreOption } from 'echarts';

// echarts and resvg are loaded on the first chart, not at start-up: together they hold tens of MiB of resident
// memory that an idle service never uses (issue 14). require() rather than import() keeps renderSvg/renderPng
// synchronous; the memo is Node's module cache.
type Echarts = typeof import('echarts');
type ResvgModule = typeof import('@resvg/resvg-js');

function loadEcharts(): Echarts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, synchronous load (see above)
  return require('echarts') as Echarts;
}

function loadResvg(): ResvgModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, synchronous load (see above)
  return require('@resvg/resvg-js') as ResvgModule;
}

export const CHART_KINDS = ['trend', 'ranking', 'platform-share', 'deadline-compliance'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartSpec {
  title: string;
  /** Category labels (days, regions, platforms ...). */
  labels: string[];
  values: (number | null)[];
  style: 'line' | 'bar' | 'pie';
  unit: string;
}

const FONT_FAMILY = 'WenQuanYi Zen Hei';

/** An ECharts option for a spec; the same option renders in a browser. */
function optionOf(spec: ChartSpec): EChartsCoreOption {
  const text = { fontFamily: FONT_FAMILY };
  const common = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: text,
    title: { text: spec.title, left: 'center', textStyle: { ...text, fontSize: 18 } },
  };
  if (spec.style === 'pie') {
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: '60%',
          top: 30,
          label: { formatter: `{b}: {c}${spec.unit}`, fontFamily: FONT_FAMILY, fontSize: 14 },
          data: spec.labels.map((name, i) => ({ name, value: spec.values[i] ?? 0 })),
        },
      ],
    };
  }
  const horizontal = spec.style === 'bar' && spec.labels.length > 8;
  const category = { type: 'category', data: spec.labels, axisLabel: { fontFamily: FONT_FAMILY, fontSize: 12 } };
  const value = { type: 'value', name: spec.unit, nameTextStyle: text, axisLabel: { fontFamily: FONT_FAMILY } };
  return {
    ...common,
    grid: { left: horizontal ? 110 : 60, right: 40, top: 60, bottom: 50 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: spec.style,
        data: spec.values,
        label: { show: spec.labels.length <= 20, position: horizontal ? 'right' : 'top' },
        itemStyle: { color: '#c23531' },
        connectNulls: true,
      },
    ],
  };
}

/** SVG from ECharts' server-side renderer (no DOM, no browser). */
export function renderSvg(spec: ChartSpec, width = 900, height = 500): string {
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(optionOf(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** PNG from the SVG by resvg, with the CJK font loaded so Chinese labels render. */
export function renderPng(svg: string, fontFile: string): Buffer {
  const { Resvg } = loadResvg();
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: {
      fontFiles: [fontFile],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
