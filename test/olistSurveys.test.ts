import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOlist, readOlistShipments } from '../examples/load-olist.js';
import { loadOlistReviews, type ReviewLoadReport, readOlistReviews } from '../examples/load-olist-reviews.js';
import { createApiKey } from '../src/server/domains/apikeys/service.js';
import { systemActor } from '../src/server/lib/actor.js';
import { buildAccount } from './accountFactory.js';
import { createTestApp, type TestApp } from './testApp.js';

/**
 * The Olist reviews through the public survey path; the survey results API must give FACTS.md §2.4:
 * the average score over all review rows, and for delivered orders on time vs late under both rules.
 */
const OLIST = new URL('../../shared/data/olist/subset_bravida_8135_orders/', import.meta.url);

let t: TestApp;
let admin: Record<string, string>;
let report: ReviewLoadReport;
beforeAll(async () => {
  // one loader from one address: the per-address limit is raised for the load, as the script says
  t = await createTestApp({ SURVEY_MAX_PER_IP_PER_MINUTE: '1000000' });
  admin = (await t.loginAs('admin')).headers;
  const org = (await t.app.inject({ method: 'GET', url: '/api/v1/organization', headers: admin })).json();
  await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/organization',
    headers: admin,
    payload: { version: org.version, settings: { timezone: 'Etc/GMT+3' } },
  });
  await buildAccount(t.database.db, { code: 'OLIST', nameEn: 'Olist' });
  const { secret } = await createApiKey(t.database.db, systemActor('test'), {
    name: 'olist',
    role: 'manager',
  });
  const authorization = `Bearer ${secret}`;
  await loadOlist(async (body) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shipments/bulk',
      headers: { authorization },
      payload: body as object,
    });
    return { status: res.statusCode, json: async () => res.json() };
  }, readOlistShipments(OLIST));
  report = await loadOlistReviews(async (method, url, body, auth) => {
    const res = await t.app.inject({
      method,
      url,
      headers: auth ? { authorization } : {},
      payload: body as object | undefined,
      remoteAddress: '198.51.100.99',
    });
    return { status: res.statusCode, json: async () => res.json() };
  }, readOlistReviews(OLIST));
  // 8,135 answers one by one through the public path: 240–270 s on a loaded 2-core machine
}, 900_000);
afterAll(() => t.close());

const results = async (rule: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/surveys/results?from=2016-01-01&to=2100-01-01&cut=punctuality&rule=${rule}&templateFamilyId=${report.templateId}`,
    headers: admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const avg = (x: number) => Number(x.toFixed(4));

describe('Olist reviews as survey responses', () => {
  it('answers every review row through the public path', () => {
    expect(report).toMatchObject({ reviews: 8225, submitted: 8225, failed: [] });
  });

  it('gives the average score of FACTS.md §2.4 over all review rows', async () => {
    const r = await results('timestamp');
    expect(r.responses).toBe(8225);
    expect(r.responseRate).toBe(1);
    expect(r.overall.responses).toBe(8225);
    expect(avg(r.overall.mean)).toBe(3.2716);
  });

  it('gives the on-time and late averages under both rules', async () => {
    const group = (r: { groups: { key: string }[] }, key: string) =>
      r.groups.find((g) => g.key === key) as never as {
        overallResponses: number;
        overallMean: number;
      };
    const ts = await results('timestamp');
    expect(group(ts, 'on_time').overallResponses).toBe(4814);
    expect(avg(group(ts, 'on_time').overallMean)).toBe(4.2796);
    expect(group(ts, 'late').overallResponses).toBe(418);
    expect(avg(group(ts, 'late').overallMean)).toBe(2.4976);
    const date = await results('date');
    expect(group(date, 'on_time').overallResponses).toBe(4888);
    expect(avg(group(date, 'on_time').overallMean)).toBe(4.2754);
    expect(group(date, 'late').overallResponses).toBe(344);
    expect(avg(group(date, 'late').overallMean)).toBe(2.1744);
  });
});
