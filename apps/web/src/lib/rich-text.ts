/** Server-sanitised note HTML back to the plain text the note editor shows. */
export function htmlToText(html: string): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\n');
  const blocks = [...doc.body.querySelectorAll('p, li, h1, h2, h3, h4, blockquote, pre')];
  if (!blocks.length) return (doc.body.textContent ?? '').trim();
  return blocks
    .map((b) => (b.textContent ?? '').trim())
    .filter(Boolean)
    .join('\n\n');
}
