/**
 * A quote as a one-or-more-page A4 PDF (pdfkit). DejaVu Sans is embedded (subset to the glyphs
 * used) because the standard PDF fonts have no Cyrillic: Swedish, Norwegian and Russian names
 * print as they are written.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuoteStatus } from '@relata/domain';
import PDFDocument from 'pdfkit';
import type { QuoteView } from './quotes.presenter.ts';

const fonts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');
export const pdfLanguages = ['en', 'sv', 'nb', 'ru'] as const;
export type PdfLanguage = (typeof pdfLanguages)[number];

const en = {
  quote: 'Quote',
  version: 'version',
  date: 'Date',
  validUntil: 'Valid until',
  customer: 'Customer',
  deal: 'Deal',
  item: 'Item',
  qty: 'Qty',
  price: 'Unit price',
  discount: 'Discount',
  tax: 'Tax',
  net: 'Amount',
  subtotal: 'Subtotal',
  total: 'Total',
  notes: 'Notes',
  status: 'Status',
  statuses: {
    draft: 'draft',
    sent: 'sent',
    accepted: 'accepted',
    rejected: 'rejected',
    expired: 'expired',
  } as Record<QuoteStatus, string>,
};
type Words = typeof en;
const words: Record<PdfLanguage, Words> = {
  en,
  sv: {
    quote: 'Offert',
    version: 'version',
    date: 'Datum',
    validUntil: 'Giltig till',
    customer: 'Kund',
    deal: 'Affär',
    item: 'Artikel',
    qty: 'Antal',
    price: 'À-pris',
    discount: 'Rabatt',
    tax: 'Moms',
    net: 'Belopp',
    subtotal: 'Delsumma',
    total: 'Att betala',
    notes: 'Anteckningar',
    status: 'Status',
    statuses: {
      draft: 'utkast',
      sent: 'skickad',
      accepted: 'accepterad',
      rejected: 'avböjd',
      expired: 'utgången',
    },
  },
  nb: {
    quote: 'Tilbud',
    version: 'versjon',
    date: 'Dato',
    validUntil: 'Gyldig til',
    customer: 'Kunde',
    deal: 'Salgsmulighet',
    item: 'Vare',
    qty: 'Antall',
    price: 'Enhetspris',
    discount: 'Rabatt',
    tax: 'MVA',
    net: 'Beløp',
    subtotal: 'Delsum',
    total: 'Totalt',
    notes: 'Merknader',
    status: 'Status',
    statuses: {
      draft: 'utkast',
      sent: 'sendt',
      accepted: 'akseptert',
      rejected: 'avslått',
      expired: 'utløpt',
    },
  },
  ru: {
    quote: 'Коммерческое предложение',
    version: 'версия',
    date: 'Дата',
    validUntil: 'Действительно до',
    customer: 'Клиент',
    deal: 'Сделка',
    item: 'Позиция',
    qty: 'Кол-во',
    price: 'Цена',
    discount: 'Скидка',
    tax: 'НДС',
    net: 'Сумма',
    subtotal: 'Итого без НДС',
    total: 'Всего',
    notes: 'Примечания',
    status: 'Статус',
    statuses: {
      draft: 'черновик',
      sent: 'отправлено',
      accepted: 'принято',
      rejected: 'отклонено',
      expired: 'истекло',
    },
  },
};
const locales: Record<PdfLanguage, string> = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO', ru: 'ru-RU' };

function moneyFormat(currency: string, locale: string) {
  const f = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return (minor: number) => f.format(minor / 10 ** digits);
}

export async function renderQuotePdf(q: QuoteView, language: PdfLanguage = 'en'): Promise<Buffer> {
  const w = words[language];
  const locale = locales[language];
  const money = moneyFormat(q.currency, locale);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  const customer = q.customer?.name ?? '';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${w.quote} ${q.number}`, Subject: customer, Creator: 'Relata' },
  });
  doc.registerFont('Body', path.join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('Bold', path.join(fonts, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = 50;
  const width = doc.page.width - 100;
  doc.font('Bold').fontSize(20).text(`${w.quote} ${q.number}`, left, 50);
  doc
    .font('Body')
    .fontSize(10)
    .fillColor('#555555')
    .text(`${w.version} ${q.revision} · ${w.status}: ${w.statuses[q.status]}`);
  doc.moveDown(1.2).fillColor('#000000');
  const meta: [string, string][] = [
    [w.customer, customer],
    ...(q.deal ? ([[w.deal, q.deal.name]] as [string, string][]) : []),
    [w.date, day(q.sentAt ?? q.updatedAt)],
    ...(q.validUntil ? ([[w.validUntil, day(q.validUntil)]] as [string, string][]) : []),
  ];
  for (const [k, v] of meta) {
    const y = doc.y;
    doc.font('Bold').text(k, left, y, { width: 110 });
    doc.font('Body').text(v, left + 115, y, { width: width - 115 });
  }
  doc.moveDown(1.5);

  // Columns: item, qty, unit price, discount, tax, amount.
  const cols = [
    { key: w.item, x: left, w: 190, align: 'left' as const },
    { key: w.qty, x: left + 195, w: 45, align: 'right' as const },
    { key: w.price, x: left + 245, w: 80, align: 'right' as const },
    { key: w.discount, x: left + 330, w: 50, align: 'right' as const },
    { key: w.tax, x: left + 385, w: 40, align: 'right' as const },
    { key: w.net, x: left + 430, w: width - 430, align: 'right' as const },
  ];
  const row = (cells: string[], font: 'Body' | 'Bold') => {
    doc.font(font).fontSize(9);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.w }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    cells.forEach((c, i) => {
      doc.text(c, cols[i]!.x, y + 3, { width: cols[i]!.w, align: cols[i]!.align });
    });
    doc.y = y + h;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .strokeColor('#dddddd')
      .stroke();
  };
  row(
    cols.map((c) => c.key),
    'Bold',
  );
  for (const l of q.lines ?? [])
    row(
      [
        l.sku ? `${l.description} (${l.sku})` : l.description,
        num.format(l.quantity),
        money(l.unitPrice),
        l.discountPercent ? `${num.format(l.discountPercent)} %` : '',
        `${num.format(l.taxRate)} %`,
        money(l.net),
      ],
      'Body',
    );

  doc.moveDown(1);
  const sum = (label: string, value: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Bold' : 'Body').fontSize(bold ? 11 : 10);
    doc.text(label, left + 250, y, { width: 150, align: 'right' });
    doc.text(value, left + 405, y, { width: width - 405, align: 'right' });
    doc.moveDown(0.3);
  };
  sum(w.subtotal, money(q.subtotal));
  for (const t of q.taxes ?? []) sum(`${w.tax} ${num.format(t.rate)} %`, money(t.tax));
  sum(w.total, money(q.total), true);
  if (q.notes) {
    doc.moveDown(1.5);
    doc.font('Bold').fontSize(10).text(w.notes, left, doc.y, { width });
    doc.font('Body').fontSize(10).text(q.notes, { width });
  }
  doc.end();
  return done;
}
