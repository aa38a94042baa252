import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../../test/accountFactory.js';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { TestClock } from '../../lib/clock.js';

const clock = new TestClock(new Date('2025-09-22T01:00:00Z'));
let t: TestApp;
type Session = { userId: string; headers: Record<string, string> };
let agent: Session;
let analyst: Session;
let ticketId: string;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

const upload = (s: Session, fileName: string, body: Buffer, extra = '', lang = 'en-US') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments?fileName=${encodeURIComponent(fileName)}${extra}`,
    headers: { ...s.headers, 'content-type': 'application/octet-stream', 'accept-language': lang },
    payload: body,
  });
const get = (s: Session, url: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'accept-language': 'en-US' },
  });
const count = async () =>
  (
    await t.database.db.execute<{ n: number }>(
      sql`SELECT (SELECT count(*) FROM ticket_attachments)::int + (SELECT count(*) FROM ticket_events WHERE type = 'attachment')::int AS n`,
    )
  ).rows[0].n;

beforeAll(async () => {
  t = await createTestApp({ ATTACHMENT_MAX_BYTES: String(64 * 1024) }, { clock });
  agent = await t.loginAs('service');
  analyst = await t.loginAs('analyst');
  const accountId = (await buildAccount(t.database.db)).account.id;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: agent.headers,
    payload: { kind: 'claim', category: 'damage', subject: '货物破损', accountId, assigneeId: agent.userId },
  });
  ticketId = res.json().id;
});
afterAll(() => t.close());

describe('ticket attachments', () => {
  it('stores a photo with a Chinese name and downloads it as a file, never rendered', async () => {
    const res = await upload(agent, 'C:\\fakepath\\破损照片 (1).png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      fileName: '破损照片 (1).png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    const dl = await get(analyst, `/tickets/${ticketId}/attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="____ (1).png"; filename*=UTF-8''%E7%A0%B4%E6%8D%9F%E7%85%A7%E7%89%87%20%281%29.png`,
    );
    const events = (await get(agent, `/tickets/${ticketId}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ type: 'attachment', data: { attachmentId: a.id } });
    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'ticketAttachment' AND entity_id = ${a.id}`,
    );
    expect(audit.rows).toEqual([{ action: 'create' }]);
  });

  it('attaches to an internal note, which the file inherits', async () => {
    clock.advanceMinutes(5);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/replies`,
      headers: agent.headers,
      payload: { body: '仓库照片见附件', internal: true },
    });
    const res = await upload(agent, 'warehouse.pdf', PDF, `&eventId=${note.json().eventId}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ eventId: note.json().eventId, internal: true });
    const list = (await get(analyst, `/tickets/${ticketId}/attachments`)).json().items;
    expect(list.map((x: { fileName: string }) => x.fileName)).toEqual(['warehouse.pdf', '破损照片 (1).png']);
    expect(list[0]).not.toHaveProperty('content');
    const wrong = await upload(agent, 'x.pdf', PDF, '&eventId=1');
    expect(wrong.json().error.fields.eventId).toMatch(/No such reply/);
  });

  it('refuses an oversized file naming the field, before storing anything', async () => {
    const before = await count();
    const res = await upload(agent, '大文件.pdf', Buffer.concat([PDF, Buffer.alloc(64 * 1024)]), '', 'zh-CN');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.fields.file).toBe('文件超过大小上限 0.1 MB。');
    expect(await count()).toBe(before);
  });

  it('refuses executables, scripts, HTML, SVG and renamed files by their content', async () => {
    const before = await count();
    const cases: [string, Buffer, RegExp][] = [
      ['setup.exe', Buffer.from('MZ\x90\x00rest'), /type “exe” cannot be attached/],
      ['run.sh', Buffer.from('#!/bin/sh\nrm -rf /\n'), /type “sh”/],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>'), /type “html”/],
      ['logo.svg', Buffer.from('<svg onload="alert(1)"/>'), /type “svg”/],
      ['invoice.pdf', Buffer.from('MZ\x90\x00 an executable renamed'), /not a “pdf” file/],
      ['photo.jpg', Buffer.from('<!DOCTYPE html><p>hi'), /not a “jpg” file/],
      ['notes.txt', Buffer.from('hello <script>alert(1)</script>'), /not a “txt” file/],
      ['empty.txt', Buffer.alloc(0), /empty/],
    ];
    for (const [name, bytes, message] of cases) {
      const res = await upload(agent, name, bytes);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.fields.file, name).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('follows the ticket rules: analysts read but may not upload; unknown tickets are 404', async () => {
    expect((await upload(analyst, 'a.pdf', PDF)).statusCode).toBe(403);
    const missing = await get(agent, `/tickets/${crypto.randomUUID()}/attachments`);
    expect(missing.statusCode).toBe(404);
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/attachments?fileName=a.pdf`,
      headers: agent.headers,
      payload: { not: 'a file' },
    });
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
