import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { classifyUpload, contentDisposition } from './file-types.ts';
import { multipart } from './multipart.test-helper.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

type Attachment = { id: string; filename: string; contentType: string; sizeBytes: number };

let t: TestApp;
let owner: Client;
let otherTeam: Client;
let readOnly: Client;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  const teamA = await t.team('A');
  owner = await t.userClient('agent', teamA);
  otherTeam = await t.userClient('agent', await t.team('B'));
  readOnly = await t.userClient('read_only', teamA);
  contactId = (await owner.post('/api/v1/contacts', { firstName: 'Ada', lastName: 'Lind' })).data<{
    id: string;
  }>().id;
});
afterAll(async () => {
  await t?.close();
});

const upload = (c: Client, name: string, content: Buffer, fields: Record<string, string> = {}) => {
  const m = multipart({ recordType: 'contact', recordId: contactId, ...fields }, { name, content });
  return c.post('/api/v1/attachments', m.body, m.headers);
};

describe('attachments', () => {
  it('stores a file, lists it on the record and serves it only as a download', async () => {
    const r = await upload(owner, 'räkning 2024;final.pdf', PDF);
    expect(r.statusCode, r.body).toBe(201);
    const a = r.data<Attachment>();
    expect(a).toMatchObject({
      filename: 'räkning 2024;final.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    const list = await readOnly.get(`/api/v1/attachments?filter[recordId][eq]=${contactId}`);
    expect((list.json().data as Attachment[]).map((x) => x.id)).toContain(a.id);
    const d = await readOnly.get(`/api/v1/attachments/${a.id}/download`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.equals(PDF)).toBe(true);
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.headers['x-content-type-options']).toBe('nosniff');
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="r_kning 2024_final.pdf"; filename*=UTF-8''r%C3%A4kning%202024%3Bfinal.pdf`,
    );
    expect((await t.anonymous.get(`/api/v1/attachments/${a.id}/download`)).statusCode).toBe(401);
    expect((await owner.get('/api/v1/attachments')).statusCode).toBe(400);
  });

  it('checks the type by content: images, text and office files pass; executables and markup do not', async () => {
    expect((await upload(owner, 'pixel.png', PNG)).data<Attachment>().contentType).toBe('image/png');
    expect(
      (await upload(owner, 'list.csv', Buffer.from('name;city\nÅsa;Umeå\n'))).data<Attachment>().contentType,
    ).toBe('text/csv');
    for (const [name, content] of [
      ['invoice.pdf', EXE],
      ['setup.exe', EXE],
      ['tool', EXE],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['notes.txt', Buffer.from('<!DOCTYPE html><html><body onload=alert(1)>')],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['photo.jpg', PNG],
      ['data.csv', Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0, 1, 2, 3])])],
    ] as const) {
      const r = await upload(owner, name, content);
      expect(r.statusCode, name).toBe(415);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses files over UPLOAD_MAX_MB with 413 and keeps nothing', async () => {
    const before = (await owner.get(`/api/v1/attachments?filter[recordId][eq]=${contactId}`)).json().data
      .length;
    const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024 + 10, 0x20)]);
    const r = await upload(owner, 'big.pdf', big);
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('payload_too_large');
    const after = (await owner.get(`/api/v1/attachments?filter[recordId][eq]=${contactId}`)).json().data
      .length;
    expect(after).toBe(before);
  });

  it('is authorised by the record: read_only cannot upload, another team cannot delete', async () => {
    expect((await upload(readOnly, 'x.pdf', PDF)).statusCode).toBe(403);
    const a = (await upload(owner, 'keep.pdf', PDF)).data<Attachment>();
    expect((await otherTeam.del(`/api/v1/attachments/${a.id}`)).statusCode).toBe(403);
    expect((await otherTeam.get(`/api/v1/attachments/${a.id}/download`)).statusCode).toBe(200);
    expect((await owner.del(`/api/v1/attachments/${a.id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/v1/attachments/${a.id}/download`)).statusCode).toBe(404);
    const missing = await upload(owner, 'x.pdf', PDF, { recordId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(400);
    const noFile = multipart({ recordType: 'contact', recordId: contactId });
    expect((await owner.post('/api/v1/attachments', noFile.body, noFile.headers)).statusCode).toBe(400);
    expect((await owner.post('/api/v1/attachments', { recordType: 'contact' })).statusCode).toBe(415);
  });

  it('classifies by content and encodes download names (unit)', () => {
    expect(classifyUpload('a.txt', undefined, Buffer.from('hello'))).toEqual({
      ok: true,
      contentType: 'text/plain',
    });
    expect(classifyUpload('a.eml', undefined, Buffer.from('From: a@b.se\r\n\r\n<html>hi</html>')).ok).toBe(
      true,
    );
    expect(classifyUpload('a.docx', { ext: 'zip', mime: 'application/zip' }, Buffer.alloc(0)).ok).toBe(true);
    expect(classifyUpload('a', { ext: 'elf', mime: 'application/x-elf' }, Buffer.alloc(0)).ok).toBe(false);
    expect(contentDisposition('a/b\r\n.txt')).toContain("filename*=UTF-8''a%2Fb%0D%0A.txt");
  });

  it('collects the attachments of deleted records, and only those', async () => {
    const doomed = (await owner.post('/api/v1/contacts', { firstName: 'Gone', lastName: 'Soon' })).data<{
      id: string;
    }>().id;
    const gone = await upload(owner, 'gone.pdf', PDF, { recordId: doomed });
    expect(gone.statusCode, gone.body).toBe(201);
    const kept = await upload(owner, 'kept.pdf', PDF);
    expect(kept.statusCode).toBe(201);
    expect((await owner.del(`/api/v1/contacts/${doomed}`)).statusCode).toBe(204);
    expect(await t.services.attachments.collectOrphans()).toBeGreaterThanOrEqual(1);
    expect(await t.services.attachments.collectOrphans()).toBe(0);
    expect((await t.admin.get(`/api/v1/attachments/${gone.data<Attachment>().id}/download`)).statusCode).toBe(
      404,
    );
    const d = await t.admin.get(`/api/v1/attachments/${kept.data<Attachment>().id}/download`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.equals(PDF)).toBe(true);
  });
});
