/** Property tests: any bytes posted as a message are stored safely or refused with a 400 problem. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let agent: Client;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Fuzz'));
  await agent.post('/api/v1/contacts', { firstName: 'Fuzz', emails: [{ address: 'fuzz@example.com' }] });
});
afterAll(async () => {
  await t?.close();
});

const xss = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<div style="x" onmouseover="alert(1)">x</div>',
  '<scr<script>ipt>alert(1)</script>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<p/onclick=alert(1)>x</p>',
];

const message = (html: string, id: number) =>
  [
    'From: Fuzz <fuzz@example.com>',
    'To: inbox@relata.test',
    `Subject: fuzz ${id}`,
    `Message-ID: <fuzz-${id}@example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'plain',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    html,
    '--b1--',
    '',
  ].join('\r\n');

function assertSafe(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect([200, 201, 400]).toContain(res.statusCode);
  if (res.statusCode === 400) {
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    return;
  }
  const { html } = (res.json() as { data: { html: string } }).data;
  expect(html).not.toMatch(/<script/i);
  // Attributes are checked as attributes: the same words inside a quoted (escaped) value are text.
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    for (const [, name, value] of tag.matchAll(/\s([a-z-:]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      expect(name!.toLowerCase().startsWith('on'), tag).toBe(false);
      const decoded = value!
        .replace(/^["']|["']$/g, '')
        .replace(/&#(\d+);?/g, (_, d: string) => String.fromCharCode(Number(d)))
        .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
        .replace(/&amp;/g, '&')
        .split('')
        .filter((c) => c.charCodeAt(0) > 32) // browsers ignore whitespace and control characters in schemes
        .join('')
        .toLowerCase();
      if (/^(href|src)$/i.test(name!)) expect(decoded.startsWith('javascript:'), tag).toBe(false);
    }
  }
}

const post = (raw: Uint8Array | string) =>
  agent.post('/api/v1/emails/import', Buffer.from(raw), { 'content-type': 'message/rfc822' });

describe('email import (property)', () => {
  it('random bytes: stored or a 400 problem, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => assertSafe(await post(bytes))),
      { numRuns: 60 },
    );
  });

  it('mutated real messages with hostile HTML: stored HTML is always safe', async () => {
    let n = 0;
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      insert: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...xss, '\r\n', '=\r\n', '--b1\r\n', '\u0000'),
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...xss), { minLength: 1, maxLength: 4 }),
        fc.array(mutation, { maxLength: 5 }),
        async (payloads, mutations) => {
          let raw = message(`<p>Hello</p>${payloads.join('')}`, ++n);
          for (const m of mutations) {
            const at = m.at % (raw.length + 1);
            raw = raw.slice(0, at) + m.insert + raw.slice(at + m.cut);
          }
          assertSafe(await post(raw));
        },
      ),
      {
        numRuns: 80,
        examples: [
          [[xss[3]!, xss[2]!], [{ at: 2086804573, cut: 13, insert: xss[0]! }]],
          // An event handler that only survives as escaped text inside a link's URL.
          [
            ['<script>alert(1)</script>', '<a href="&#106;avascript:alert(1)">x</a>'],
            [{ at: 297462323, cut: 2, insert: '<svg onload=alert(1)>' }],
          ],
        ],
      },
    );
  });
});
