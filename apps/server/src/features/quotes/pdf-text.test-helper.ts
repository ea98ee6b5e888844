/**
 * Just enough PDF reading for tests of our own quote PDFs: inflates the streams, reads the
 * ToUnicode maps of the embedded fonts and decodes the hex glyph strings of the page content.
 */
import { inflateSync } from 'node:zlib';

type Stream = { dict: string; data: Buffer };

function streams(pdf: Buffer): Stream[] {
  const text = pdf.toString('latin1');
  const out: Stream[] = [];
  const re = /<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>|<[^<>]*>)*)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let data = pdf.subarray(start, end);
    if (/FlateDecode/.test(m[1]!)) data = inflateSync(data);
    out.push({ dict: m[1]!, data });
  }
  return out;
}

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

function toUnicodeMaps(all: Stream[]): Map<number, string>[] {
  return all
    .map((s) => s.data.toString('latin1'))
    .filter((s) => s.includes('beginbfrange') || s.includes('beginbfchar'))
    .map((cmap) => {
      const map = new Map<number, string>();
      for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
        for (const r of block[1]!.matchAll(
          /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
        )) {
          const from = Number.parseInt(r[1]!, 16);
          const to = Number.parseInt(r[2]!, 16);
          if (r[3]!.startsWith('[')) {
            const dst = [...r[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((d) =>
              utf16(d[1]!.replace(/\s/g, '')),
            );
            for (const [i, d] of dst.entries()) map.set(from + i, d);
          } else {
            const base = Number.parseInt(r[3]!.slice(1, -1), 16);
            for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
          }
        }
      }
      for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
        for (const r of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
          map.set(Number.parseInt(r[1]!, 16), utf16(r[2]!));
      return map;
    });
}

/** The page count and the text of the content, decoded once with each embedded font's map. */
export function pdfText(pdf: Buffer): { pages: number; texts: string[] } {
  const all = streams(pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  const maps = toUnicodeMaps(all);
  const content = all
    .map((s) => s.data.toString('latin1'))
    .filter((s) => /\bT[Jj]\b/.test(s) && !s.includes('beginbfrange'));
  const texts = maps.map((map) =>
    content
      .map((c) =>
        [...c.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)]
          .map((tj) =>
            [...(tj[1] ?? `<${tj[2]}>`).matchAll(/<([0-9a-fA-F]*)>/g)]
              .map((h) => {
                let s = '';
                for (let i = 0; i + 4 <= h[1]!.length; i += 4)
                  s += map.get(Number.parseInt(h[1]!.slice(i, i + 4), 16)) ?? '';
                return s;
              })
              .join(''),
          )
          .join(' '),
      )
      .join('\n'),
  );
  return { pages, texts };
}
