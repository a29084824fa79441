import type { IndicatorReport } from '../indicators/indicators.service';

type ExcelJs = typeof import('exceljs');
let excelJs: Promise<ExcelJs> | undefined;

/** exceljs on the first XLSX export, not at start-up (it is large and an idle service never needs it; issue 14). */
function loadExcelJs(): Promise<ExcelJs> {
  excelJs ??= import('exceljs').then((m) => m.default);
  return excelJs;
}

const HEADER = ['code', '指标', '规划序号', '单位', '值', '分子', '分母', '目标', '年化值', '说明'];

function rowsOf(report: IndicatorReport): (string | number | null)[][] {
  return report.indicators.map((i) => [
    i.code,
    i.nameZh,
    i.planItem ?? null,
    i.unit,
    i.value,
    i.numerator,
    i.denominator,
    i.target ?? null,
    i.annualised ?? null,
    i.reason ?? null,
  ]);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese names) of a region's indicators. */
export function indicatorsCsv(report: IndicatorReport): string {
  const lines = [HEADER, ...rowsOf(report)].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX workbook: one sheet of indicators, headed by the region and period. */
export async function indicatorsXlsx(report: IndicatorReport): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('指标');
  sheet.addRow([`${report.region.name}（${report.region.code}）`, `统计期 ${report.period.label}`]);
  sheet.addRow(HEADER);
  for (const row of rowsOf(report)) sheet.addRow(row);
  sheet.getColumn(2).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
