/**
 * The export as a zip of CSVs, one per section, for people who open it in a spreadsheet:
 * nested values are flattened to dotted columns (address.city, custom.shoe_size), lists are
 * JSON, and text that a spreadsheet would run as a formula is defused. The attached files go in
 * too, under attachments/, streamed one after the other so no file is held in memory whole.
 */
import { stringify } from 'csv-stringify/sync';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ContactExport } from './privacy.presenter.ts';

type Cell = string | number;
type Row = Record<string, Cell>;

/** A cell starting with one of these is a formula to Excel, LibreOffice and Sheets (CWE-1236). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One CSV row: nested objects become dotted columns, lists JSON, null an empty cell. */
export function flatten(v: Record<string, unknown>, prefix = '', out: Row = {}): Row {
  for (const [k, x] of Object.entries(v)) {
    const key = prefix + k;
    if (isPlainObject(x) && Object.keys(x).length) flatten(x, `${key}.`, out);
    else if (x === null || x === undefined) out[key] = '';
    else if (typeof x === 'number') out[key] = x;
    else if (typeof x === 'string') out[key] = neutralise(x);
    else if (typeof x === 'boolean') out[key] = String(x);
    else out[key] = neutralise(JSON.stringify(x));
  }
  return out;
}

export function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const flat = rows.map((r) => flatten(r));
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  // The BOM makes Excel read UTF-8 (å, ä, ö) instead of the system code page.
  return stringify(flat, {
    header: true,
    columns: columns.map((c) => ({ key: c, header: neutralise(c) })),
    bom: true,
  });
}

/** Section name → rows, in the order of the JSON export; nested lists get their own file. */
export function csvSections(e: ContactExport): Record<string, Record<string, unknown>[]> {
  return {
    contact: [e.contact],
    relationships: e.relationships,
    interactions: e.interactions,
    tasks: e.tasks,
    notes: e.notes,
    emails: e.emails,
    attachments: e.attachments,
    consents: e.consents.current,
    consent_history: e.consents.history,
    facts: e.facts,
    survey_responses: e.surveyResponses,
    orders: e.orders.map(({ lines: _lines, ...o }) => o),
    order_lines: e.orders.flatMap((o) => (o.lines ?? []).map((l) => ({ orderId: o.id, ...l }))),
    invoices: e.invoices.map(({ payments: _payments, ...i }) => i),
    payments: e.invoices.flatMap((i) => i.payments ?? []),
    warranties: e.warranties,
    leads: e.leads.map(({ activities: _activities, ...l }) => l),
    lead_activities: e.leads.flatMap((l) => l.activities.map((a) => ({ leadId: l.id, ...a }))),
    cases: e.cases,
    disputes: e.disputes,
    deals: e.deals.map(({ lines: _lines, stageHistory: _moves, ...d }) => d),
    deal_lines: e.deals.flatMap((d) => (d.lines ?? []).map((l) => ({ dealId: d.id, ...l }))),
    deal_stage_history: e.deals.flatMap((d) => d.stageHistory.map((m) => ({ dealId: d.id, ...m }))),
    quotes: e.quotes.map(({ lines: _lines, revisions: _revisions, ...q }) => q),
    quote_lines: e.quotes.flatMap((q) => (q.lines ?? []).map((l) => ({ quoteId: q.id, ...l }))),
    quote_revisions: e.quotes.flatMap((q) => q.revisions.map((r) => ({ quoteId: q.id, ...r }))),
    customer_value: e.customerValue ? [e.customerValue] : [],
    lifecycle_history: e.lifecycleHistory,
    audit_entries: e.auditEntries,
  };
}

/** An attached file to put in the zip: its path there and a way to read its bytes. */
export type ZipFile = { id: string; path: string; read: () => AsyncIterable<Uint8Array> };

/** attachments/<id>-<filename>: unique, and a name no unzip tool would place elsewhere. */
export function attachmentPath(id: string, filename: string): string {
  const safe = filename.replace(/[^\p{L}\p{N} ._()+,-]+/gu, '_').replace(/^\.+/, '') || 'file';
  return `attachments/${id}-${safe.slice(0, 150)}`;
}

/**
 * The zip as a stream of chunks: first the files (stored as they are — most are compressed
 * already), then one CSV per section, attachments.csv naming each file's path in the zip. A
 * file gone from storage since the export was read is left out (its `file` cell stays empty).
 */
export async function* exportZipChunks(
  e: ContactExport,
  files: readonly ZipFile[],
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  };
  const mtime = new Date(e.exportedAt);
  const included = new Map<string, string>();
  for (const f of files) {
    const it = f.read()[Symbol.asyncIterator]();
    let next: IteratorResult<Uint8Array>;
    try {
      next = await it.next();
    } catch {
      continue;
    }
    const entry = new ZipPassThrough(f.path);
    entry.mtime = mtime;
    zip.add(entry);
    while (!next.done) {
      entry.push(next.value);
      yield* drain();
      next = await it.next();
    }
    entry.push(new Uint8Array(0), true);
    included.set(f.id, f.path);
    yield* drain();
  }
  const sections = csvSections(e);
  sections.attachments = e.attachments.map((a) => ({ ...a, file: included.get(a.id) ?? '' }));
  for (const [name, rows] of Object.entries(sections)) {
    const entry = new ZipDeflate(`${name}.csv`, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(strToU8(toCsv(rows)), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
