import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let agent: Client;
let agentEmail: string;
let pbx: Client;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', null, 'Phone Agent');
  agentEmail = (await agent.get('/api/v1/me')).data<{ email: string }>().email;
  pbx = await t.apiKeyClient(t.admin, ['read', 'write']);
  await t.admin.post('/api/v1/contacts', {
    firstName: 'Nils',
    lastName: 'Holm',
    phones: [{ number: '+46 8 555 123 45' }],
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await t?.close();
});

/** Opens the agent's event stream and resolves with the first event of a type. */
async function nextEvent(
  cookie: string,
  type: string,
  ms = 10_000,
): Promise<{ controller: AbortController; event: Promise<Record<string, unknown>> }> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, { headers: { cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const event = (async () => {
    const timer = setTimeout(() => controller.abort(), ms);
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buf += new TextDecoder().decode(value);
      for (const block of buf.split('\n\n')) {
        const m = new RegExp(`^event: ${type}\\ndata: (.*)$`, 'm').exec(block);
        if (m) {
          clearTimeout(timer);
          return JSON.parse(m[1]!) as Record<string, unknown>;
        }
      }
    }
  })();
  return { controller, event };
}

describe('telephony', () => {
  it('logs an inbound call once per call id and pops the caller’s card on the agent’s screen', async () => {
    const cookie = String(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: agentEmail, password: 'user-password-1234' },
        })
      ).headers['set-cookie'],
    ).split(';')[0]!;
    const { controller, event } = await nextEvent(cookie, 'screen_pop');
    const call = {
      event: 'call.ringing',
      callId: 'call-001',
      callerNumber: '08-555 123 45',
      calledNumber: '+4681234000',
      agent: agentEmail,
    };
    const r = await pbx.post('/api/v1/telephony/events', call);
    expect(r.statusCode).toBe(202);
    const result = r.data<{ logged: boolean; interactionId: string; cards: { title: string }[] }>();
    expect(result.logged).toBe(true);
    expect(result.cards.map((c) => c.title)).toEqual(['Nils Holm']);
    const pop = await event;
    controller.abort();
    expect(pop.callerNumber).toBe('+46855512345');
    expect((pop.cards as { title: string }[])[0]!.title).toBe('Nils Holm');

    const again = await pbx.post('/api/v1/telephony/events', {
      ...call,
      event: 'call.ended',
      durationSeconds: 95,
    });
    expect(again.data<{ interactionId: string }>().interactionId).toBe(result.interactionId);
    const i = (await t.admin.get(`/api/v1/interactions/${result.interactionId}`)).data<{
      durationSeconds: number;
      ownerId: string;
      channel: string;
      direction: string;
    }>();
    expect(i).toMatchObject({
      durationSeconds: 95,
      ownerId: agent.userId,
      channel: 'phone',
      direction: 'inbound',
    });
    const calls = await t.admin.get('/api/v1/interactions?filter[channel][eq]=phone');
    expect(calls.json().data.length).toBe(1);
  });

  it('pops an unknown caller without logging, and accepts events only from API keys', async () => {
    const r = await pbx.post('/api/v1/telephony/events', {
      callId: 'call-002',
      callerNumber: '+4790000000',
      agent: agentEmail,
    });
    expect(r.data<{ logged: boolean; cards: unknown[] }>()).toMatchObject({ logged: false, cards: [] });
    expect(
      (await agent.post('/api/v1/telephony/events', { callId: 'c', callerNumber: '+4790000000' })).statusCode,
    ).toBe(403);
    expect((await pbx.post('/api/v1/telephony/events', { callerNumber: '+4790000000' })).statusCode).toBe(
      400,
    );
  });
});
