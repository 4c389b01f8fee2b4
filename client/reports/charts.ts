/**
 * Chart.js (canvas) set up for the reports page: only the parts used (bar charts), large type for older
 * readers, fills that stay apart in black and white (dark solid, stripes, dots, light solid, cross-hatch…),
 * and the numbers written on the chart itself so nobody needs colour or a tooltip to read it.
 *
 * Under the server's Content-Security-Policy (style-src-attr 'none'): Chart.js sizes its canvas through
 * CSSOM (`canvas.style.width = …`), which the policy does not govern, and injects no <style> element; the
 * browser test checks that no violation is reported.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const INK = '#14213d';
const FONT_FAMILY = "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
Chart.defaults.font.family = FONT_FAMILY;
Chart.defaults.font.size = 16;
Chart.defaults.color = INK;

type Mark = 'solid' | 'stripes' | 'dots' | 'cross' | 'rstripes' | 'grid' | 'hlines' | 'vlines';

/**
 * The fills, alternating dark and light so neighbours differ in grey too; twelve before they repeat (a city
 * has one centre and about ten counties).
 */
const FILLS: Array<{ base: string; ink: string; mark: Mark }> = [
  { base: '#1f3a5f', ink: '#1f3a5f', mark: 'solid' },
  { base: '#dbe5f1', ink: '#1f3a5f', mark: 'stripes' },
  { base: '#85a7cd', ink: '#85a7cd', mark: 'solid' },
  { base: '#ffffff', ink: '#14213d', mark: 'dots' },
  { base: '#4a5568', ink: '#4a5568', mark: 'solid' },
  { base: '#ffffff', ink: '#1f3a5f', mark: 'cross' },
  { base: '#bccfe4', ink: '#14213d', mark: 'rstripes' },
  { base: '#ffffff', ink: '#4a5568', mark: 'grid' },
  { base: '#44709f', ink: '#ffffff', mark: 'dots' },
  { base: '#ffffff', ink: '#14213d', mark: 'hlines' },
  { base: '#a0aec0', ink: '#a0aec0', mark: 'solid' },
  { base: '#ffffff', ink: '#1f3a5f', mark: 'vlines' },
];

/** The border of fill n: the ink of its marks, so a white-based fill still has an edge. */
export const fillBorder = (n: number): string => FILLS[n % FILLS.length]!.ink;

const patternCache = new Map<number, CanvasPattern | string>();

/** Fill n (0, 1, 2…): a colour or a small repeating pattern drawn on a canvas. */
export function fill(n: number): CanvasPattern | string {
  const spec = FILLS[n % FILLS.length]!;
  if (spec.mark === 'solid') return spec.base;
  const cached = patternCache.get(n % FILLS.length);
  if (cached) return cached;
  const tile = document.createElement('canvas');
  const size = 10;
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return spec.base;
  ctx.fillStyle = spec.base;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = spec.ink;
  ctx.fillStyle = spec.ink;
  ctx.lineWidth = 2;
  ctx.beginPath();
  switch (spec.mark) {
    case 'stripes':
      ctx.moveTo(-1, size + 1);
      ctx.lineTo(size + 1, -1);
      ctx.moveTo(-1, 1);
      ctx.lineTo(1, -1);
      ctx.moveTo(size - 1, size + 1);
      ctx.lineTo(size + 1, size - 1);
      break;
    case 'rstripes':
      ctx.moveTo(-1, -1);
      ctx.lineTo(size + 1, size + 1);
      ctx.moveTo(size - 1, -1);
      ctx.lineTo(size + 1, 1);
      ctx.moveTo(-1, size - 1);
      ctx.lineTo(1, size + 1);
      break;
    case 'cross':
      ctx.moveTo(0, 0);
      ctx.lineTo(size, size);
      ctx.moveTo(size, 0);
      ctx.lineTo(0, size);
      break;
    case 'grid':
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      break;
    case 'hlines':
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      break;
    case 'vlines':
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      break;
    case 'dots':
      ctx.arc(size / 2, size / 2, 2, 0, Math.PI * 2);
      ctx.fill();
      break;
  }
  ctx.stroke();
  const pattern = ctx.createPattern(tile, 'repeat') ?? spec.base;
  patternCache.set(n % FILLS.length, pattern);
  return pattern;
}

const numberFormat = new Intl.NumberFormat('zh-CN');
export const formatNumber = (n: number): string => numberFormat.format(n);

/**
 * Writes the numbers on the bars: the total above each stack (stacked charts) or each bar's value above it
 * (grouped). Zero is left out.
 */
const valueLabels: Plugin<'bar'> = {
  id: 'centreValueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const stacked = Boolean(chart.options.scales?.x && (chart.options.scales.x as { stacked?: boolean }).stacked);
    const visible = chart.data.datasets.map((_, i) => i).filter((i) => chart.isDatasetVisible(i));
    ctx.save();
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.font = `700 16px ${FONT_FAMILY}`;
    if (stacked) {
      const count = chart.data.labels?.length ?? 0;
      for (let index = 0; index < count; index++) {
        let total = 0;
        let top = Number.POSITIVE_INFINITY;
        let x = 0;
        for (const d of visible) {
          const value = Number(chart.data.datasets[d]!.data[index] ?? 0);
          total += value;
          const bar = chart.getDatasetMeta(d).data[index];
          if (bar && value > 0) {
            top = Math.min(top, bar.y);
            x = bar.x;
          }
        }
        if (total > 0 && Number.isFinite(top)) ctx.fillText(formatNumber(total), x, top - 3);
      }
    } else {
      for (const d of visible) {
        chart.getDatasetMeta(d).data.forEach((bar, index) => {
          const value = Number(chart.data.datasets[d]!.data[index] ?? 0);
          if (value > 0) ctx.fillText(formatNumber(value), bar.x, bar.y - 3);
        });
      }
    }
    ctx.restore();
  },
};

export interface BarChartSpec {
  /** A label of several lines is an array ("12月" over "至今"). */
  labels: Array<string | string[]>;
  series: Array<{ label: string; data: number[] }>;
  stacked: boolean;
  /** The y axis's title ('人次'). */
  yTitle: string;
}

/** A Chart.js configuration for bar charts drawn the same way everywhere on the page. */
export function barConfig(spec: BarChartSpec): ChartConfiguration<'bar', number[], string | string[]> {
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, n) => ({
        label: s.label,
        data: s.data,
        backgroundColor: fill(n),
        borderColor: fillBorder(n),
        borderWidth: 1.5,
        maxBarThickness: 56,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: 24 } },
      scales: {
        x: { stacked: spec.stacked, grid: { display: false }, ticks: { font: { size: 16 } } },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          grace: '8%',
          ticks: { precision: 0, font: { size: 15 } },
          title: { display: true, text: spec.yTitle, font: { size: 15 } },
          grid: { color: '#d9dee6' },
        },
      },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: 'bottom',
          labels: { font: { size: 16 }, boxWidth: 28, boxHeight: 18, padding: 16 },
        },
        tooltip: {
          titleFont: { size: 16 },
          bodyFont: { size: 16 },
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(Number(item.raw ?? 0))}` },
        },
      },
    },
    plugins: [valueLabels],
  };
}

export { Chart };
