import type { IndicatorReport, OverdueMatter } from '../indicators/indicators.service';

type PdfKit = typeof import('pdfkit');
let pdfKit: Promise<PdfKit> | undefined;

/** pdfkit on the first monthly report, not at start-up (an idle service never needs it; issue 14). */
function loadPdfKit(): Promise<PdfKit> {
  pdfKit ??= import('pdfkit').then((m) => m.default);
  return pdfKit;
}

export interface MonthlyReportInput {
  current: IndicatorReport;
  previous: IndicatorReport;
  mostOverdue: OverdueMatter[];
  /** PNG charts, each with its caption. */
  charts: { caption: string; png: Buffer }[];
  generatedAt: Date;
}

const format = (v: number | null, unit: string): string => (v === null ? '—' : `${v}${unit === '件' ? ' 件' : unit}`);

/** The monthly report as a PDF in Chinese: indicators against targets, changes since last month, charts, overdue. */
export async function buildMonthlyReportPdf(input: MonthlyReportInput, fontFile: string): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${input.current.region.name}公共法律服务月报` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fontFile, 'WenQuanYiZenHei');
  doc.font('cjk');
  const { current, previous } = input;
  doc.fontSize(20).text(`${current.region.name}公共法律服务质效月报`, { align: 'center' });
  doc
    .fontSize(11)
    .text(`统计期：${current.period.label}    生成时间：${input.generatedAt.toISOString()}`, { align: 'center' });
  doc.moveDown();
  doc.fontSize(14).text('一、指标与目标');
  doc.fontSize(10);
  for (const [i, figure] of current.indicators.entries()) {
    const before = previous.indicators[i];
    const target = figure.target === undefined ? '' : `  目标 ${figure.target}${figure.unit}`;
    const met =
      figure.target === undefined || figure.value === null
        ? ''
        : (figure.higherIsBetter ? figure.value >= figure.target : figure.value <= figure.target)
          ? '  达标'
          : '  未达标';
    const plan = figure.planItem ? `（规划第${figure.planItem}项）` : '';
    doc.text(`${figure.nameZh}${plan}：${format(figure.value, figure.unit)}${target}${met}`);
    if (figure.value !== null && before.value !== null && figure.value !== before.value) {
      const delta = Math.round((figure.value - before.value) * 10_000) / 10_000;
      doc
        .fillColor('#555555')
        .text(`    较上月（${previous.period.label}）${delta > 0 ? '+' : ''}${delta}`)
        .fillColor('#000000');
    }
  }
  doc.moveDown();
  doc.fontSize(14).text('二、较上月变化');
  doc.fontSize(10);
  const changes = current.indicators
    .map((f, i) => ({ f, before: previous.indicators[i].value }))
    .filter(({ f, before }) => f.value !== null && before !== null && f.value !== before);
  if (changes.length === 0) doc.text('与上月相比无变化或上月无数据。');
  for (const { f, before } of changes) doc.text(`${f.nameZh}：${format(before, f.unit)} → ${format(f.value, f.unit)}`);
  doc.moveDown();
  doc.fontSize(14).text('三、超期最久的十件事项');
  doc.fontSize(10);
  if (input.mostOverdue.length === 0) doc.text('本月无超期事项。');
  for (const [i, m] of input.mostOverdue.entries()) {
    doc.text(
      `${i + 1}. ${m.caseCode}  ${m.serviceType}  ${m.deadlineKind}  超期 ${m.daysOverdue} 天  ${m.organisationId ?? ''}`,
    );
  }
  for (const chart of input.charts) {
    doc.addPage();
    doc.fontSize(14).text(chart.caption);
    doc.image(chart.png, { fit: [500, 300] });
  }
  doc.end();
  return done;
}
