import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/testApp.js';
import { JOB_DEFINITIONS } from '../../jobs/registry.js';
import { nightlyTick } from './schedule.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('nightly analytics', () => {
  it('is a pg-boss schedule', () => {
    expect(JOB_DEFINITIONS.get('analytics.nightly')?.cron).toBeTruthy();
  });

  it('runs once per company day, only after the configured hour', async () => {
    // company time Asia/Shanghai (UTC+8) by default; the nightly hour is 02:00
    expect(await nightlyTick(t.database.db, new Date('2026-06-14T17:30:00Z'))).toBeNull();
    const first = await nightlyTick(t.database.db, new Date('2026-06-14T18:30:00Z'));
    expect(first).toMatchObject({ kind: 'nightly', asOf: '2026-06-15' });
    // an empty database is too small to fit: the run fails with its message, parameters are not invented
    expect(first?.status).toBe('failed');
    expect(first?.params).toBeNull();
    expect(first?.error).toBeTruthy();
    expect(await nightlyTick(t.database.db, new Date('2026-06-14T23:00:00Z'))).toBeNull();
    const next = await nightlyTick(t.database.db, new Date('2026-06-15T19:00:00Z'));
    expect(next).toMatchObject({ kind: 'nightly', asOf: '2026-06-16' });
  });
});
