import { expect } from 'vitest';
import type { TestApp } from './testApp.js';

/** A delivered shipment through the API (delivered late when `late`). */
export async function deliveredShipment(
  t: TestApp,
  headers: Record<string, string>,
  s: { waybill: string; accountCode: string; late?: boolean; mode?: string; deliveredAt?: string },
) {
  const delivered = new Date(
    s.deliveredAt ?? (s.late ? '2025-05-05T10:00:00+08:00' : '2025-05-03T10:00:00+08:00'),
  );
  const at = (hours: number) => new Date(delivered.getTime() + hours * 3_600_000).toISOString();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/shipments',
    headers,
    payload: {
      waybill: s.waybill,
      accountCode: s.accountCode,
      mode: s.mode ?? 'express',
      origin: '上海',
      destination: '北京',
      status: 'delivered',
      bookedAt: at(-49),
      pickedUpAt: at(-46),
      promisedAt: at(s.late ? -40 : 8),
      deliveredAt: delivered.toISOString(),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** Survey links about waybills (the default template unless one is given). */
export async function surveyLinks(
  t: TestApp,
  headers: Record<string, string>,
  waybills: string[],
  templateId?: string,
): Promise<{ waybill: string; token: string; path: string; invitationId: string }[]> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/survey-invitations/links',
    headers,
    payload: { templateId, shipments: waybills.map((waybill) => ({ waybill, locale: 'en-US' })) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items;
}

/** Answers through the public API (submit unless told to save). */
export const answer = (
  t: TestApp,
  token: string,
  answers: Record<string, unknown>,
  opts: { submit?: boolean; ip?: string } = {},
) =>
  t.app.inject({
    method: opts.submit === false ? 'PUT' : 'POST',
    url: `/api/v1/public/surveys/${token}${opts.submit === false ? '' : '/submit'}`,
    headers: { 'accept-language': 'en-US' },
    payload: { answers },
    remoteAddress: opts.ip ?? '198.51.100.20',
  });

/** A full answer to the default template. */
export const fullAnswer = (d: number[], recommend: number, extra: Record<string, unknown> = {}) => ({
  service_attitude: d[0],
  delivery_speed: d[1],
  cargo_safety: d[2],
  price: d[3],
  information: d[4],
  recommend,
  ...extra,
});
