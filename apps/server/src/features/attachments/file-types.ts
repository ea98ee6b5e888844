/**
 * Which uploads we keep, decided by content (file-type's magic numbers), not by the name or
 * the browser's claim. Binary formats come from an allow-list and must agree with the
 * extension; text is accepted only for text extensions and never when it looks like markup.
 */
export type Detected = { ext: string; mime: string } | undefined;
export type TypeVerdict = { ok: true; contentType: string } | { ok: false; reason: string };

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pptx = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const odt = 'application/vnd.oasis.opendocument.text';
const ods = 'application/vnd.oasis.opendocument.spreadsheet';
const odp = 'application/vnd.oasis.opendocument.presentation';
const CFB = 'application/x-cfb';
const ZIP = 'application/zip';

/** Binary types by extension: what content may back it, and the type we serve it as. */
const binaryByExt: Record<string, { accepts: readonly string[]; serveAs?: string }> = {
  pdf: { accepts: ['application/pdf'] },
  png: { accepts: ['image/png'] },
  jpg: { accepts: ['image/jpeg'] },
  jpeg: { accepts: ['image/jpeg'] },
  gif: { accepts: ['image/gif'] },
  webp: { accepts: ['image/webp'] },
  docx: { accepts: [docx, ZIP], serveAs: docx },
  xlsx: { accepts: [xlsx, ZIP], serveAs: xlsx },
  pptx: { accepts: [pptx, ZIP], serveAs: pptx },
  odt: { accepts: [odt, ZIP], serveAs: odt },
  ods: { accepts: [ods, ZIP], serveAs: ods },
  odp: { accepts: [odp, ZIP], serveAs: odp },
  doc: { accepts: [CFB], serveAs: 'application/msword' },
  xls: { accepts: [CFB], serveAs: 'application/vnd.ms-excel' },
  ppt: { accepts: [CFB], serveAs: 'application/vnd.ms-powerpoint' },
  msg: { accepts: [CFB], serveAs: 'application/vnd.ms-outlook' },
  rtf: { accepts: ['application/rtf'] },
  zip: { accepts: [ZIP] },
};
/** Detected types allowed without a matching extension (e.g. "scan" with no extension). */
const allowedDetected = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  docx,
  xlsx,
  pptx,
  odt,
  ods,
  odp,
  'application/rtf',
  ZIP,
]);
const textByExt: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  eml: 'message/rfc822',
  ics: 'text/calendar',
  vcf: 'text/vcard',
};
const markup = /<\s*(!doctype|html|svg|script|iframe|object|embed|body|head|meta|\?xml)\b/i;

export function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
}

/** Text: no control bytes other than tab, line breaks and form feed (UTF-8 and Windows-1252 pass). */
export function looksLikeText(head: Uint8Array): boolean {
  for (const b of head) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) return false;
  return true;
}

export function classifyUpload(filename: string, detected: Detected, head: Uint8Array): TypeVerdict {
  const ext = extensionOf(filename);
  if (detected) {
    const rule = binaryByExt[ext];
    if (rule) {
      if (!rule.accepts.includes(detected.mime))
        return { ok: false, reason: `the content is ${detected.mime}, not .${ext}` };
      return { ok: true, contentType: rule.serveAs ?? detected.mime };
    }
    if (ext && textByExt[ext]) return { ok: false, reason: `the content is ${detected.mime}, not .${ext}` };
    if (!allowedDetected.has(detected.mime)) return { ok: false, reason: `${detected.mime} is not allowed` };
    return { ok: true, contentType: detected.mime };
  }
  const type = textByExt[ext];
  if (!type) return { ok: false, reason: ext ? `.${ext} files are not allowed` : 'unknown file type' };
  if (!looksLikeText(head)) return { ok: false, reason: `the content is not text, not .${ext}` };
  const start = Buffer.from(head).toString('latin1');
  if (type === 'message/rfc822') {
    // Messages may carry HTML parts; they are served as message/rfc822 downloads, never rendered.
    if (!/^[\uFEFF\s]*[!-9;-~]+:/.test(start)) return { ok: false, reason: 'not an email message' };
  } else if (markup.test(start)) {
    return { ok: false, reason: 'HTML, SVG or XML markup is not allowed' };
  }
  return { ok: true, contentType: type };
}

/** `attachment` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A display name from a user's filename: no paths, no control characters, bounded. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'file').slice(-200);
}
