import { expect } from 'vitest';
import type { TestApp } from './testApp.js';

type Headers = Record<string, string>;

/** Carriers created through the partners API (named by their code); their ids by code. */
export async function addCarriers(t: TestApp, headers: Headers, codes: readonly string[]) {
  const ids: Record<string, string> = {};
  for (const code of codes) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers,
      payload: { code, kind: 'carrier', nameZh: code },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[code] = res.json().id;
  }
  return ids;
}

/** Shipments sent through the bulk API as a TMS would; every row must be accepted. */
export async function postShipments(t: TestApp, headers: Headers, rows: readonly unknown[]) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/shipments/bulk',
    headers,
    payload: { rows },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().rejected, res.body).toBe(0);
  return res.json();
}
