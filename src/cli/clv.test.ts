import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cdnowFile } from '../../test/cdnow.js';
import { CLV_COLUMNS, registerClvCommand, runClv } from './clv.js';

const dir = mkdtempSync(join(tmpdir(), 'logicrm-clv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('logicrm clv on the CDNOW sample', () => {
  it('writes one row per customer and reports the fits as JSON', async () => {
    const out = join(dir, 'cdnow.csv');
    let printed = '';
    const report = await runClv({
      transactions: cdnowFile('cdnow_sample_transactions.csv'),
      end: '1997-09-30',
      unit: 'week',
      predictPeriods: 39,
      out,
      write: (t) => {
        printed += t;
      },
    });
    const json = JSON.parse(printed);
    expect(json.customers).toBe(2357);
    expect(json.transactions).toMatchObject({ rows: 6919, afterEnd: 1959 });
    expect(json.bgNbd.params.r).toBeCloseTo(0.243, 3);
    expect(json.bgNbd.params.alpha).toBeCloseTo(4.414, 3);
    expect(json.bgNbd.diagnostics).toMatchObject({ converged: true, customers: 2357 });
    expect(json.bgNbd.diagnostics.logLikelihood).toBeLessThan(0);
    expect(json.gammaGamma.params.p).toBeCloseTo(6.25, 2);
    expect(json.gammaGamma.params.q).toBeCloseTo(3.74, 2);
    expect(json.gammaGamma.params.gamma).toBeCloseTo(15.44, 2);
    expect(report.horizonMonths).toBe(12);
    expect(report.monthlyDiscountRate).toBe(0.01);

    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(CLV_COLUMNS.join(','));
    type Row = Record<string, number> & { customer_id: string };
    const rows = (parse(text, { columns: true }) as Record<string, string>[]).map(
      (r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, k === 'customer_id' ? v : Number(v)]),
        ) as Row,
    );
    expect(rows).toHaveLength(2357);
    const c1 = rows[0];
    expect(c1.customer_id).toBe('1');
    expect(c1.frequency).toBe(2);
    expect(c1.recency).toBeCloseTo(30.43, 2);
    expect(c1.T).toBeCloseTo(38.86, 2);
    expect(c1.monetary_value).toBeCloseTo(22.345, 10); // (14.96 + 29.73) / 2
    expect(c1.expected_purchases).toBeCloseTo(1.226, 3);
    expect(c1.p_alive).toBeGreaterThan(0);
    expect(c1.p_alive).toBeLessThan(1);
    expect(c1.expected_avg_value).toBeGreaterThan(0);
    expect(c1.clv).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.p_alive).toBeGreaterThanOrEqual(0);
      expect(r.p_alive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(r.clv)).toBe(true);
    }
  });

  it('works through commander, with custom column names and day units', async () => {
    const input = join(dir, 'renamed.csv');
    const original = readFileSync(cdnowFile('cdnow_sample_transactions.csv'), 'utf8');
    writeFileSync(input, original.replace('customer_id,date,amount', 'account,shipped_on,revenue'));
    const out = join(dir, 'days.csv');
    const program = new Command().exitOverride();
    registerClvCommand(program);
    const writes: string[] = [];
    const spy = process.stdout.write;
    process.stdout.write = ((t: string) => writes.push(t) > 0) as typeof process.stdout.write;
    try {
      await program.parseAsync(
        ['clv', '--transactions', input, '--end', '1997-09-30', '--unit', 'day', '--predict-periods', '273']
          .concat(['--out', out, '--customer-column', 'account', '--date-column', 'shipped_on'])
          .concat(['--amount-column', 'revenue', '--horizon-months', '6', '--discount', '0']),
        { from: 'user' },
      );
    } finally {
      process.stdout.write = spy;
    }
    const json = JSON.parse(writes.join(''));
    expect(json).toMatchObject({
      unit: 'day',
      horizonMonths: 6,
      monthlyDiscountRate: 0,
      predictPeriods: 273,
    });
    // α is in days now: about 7 × 4.414
    expect(json.bgNbd.params.alpha / 7).toBeCloseTo(4.41, 1);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2357);
    expect(Number(rows[0].recency)).toBe(213);
  });

  it('fails loudly with the line number of a bad row', async () => {
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'customer_id,date,amount\n1,1997-01-01,10\n2,1997-02-30,5\n');
    const args = {
      transactions: input,
      end: '1997-09-30',
      unit: 'week' as const,
      predictPeriods: 4,
      out: join(dir, 'x.csv'),
    };
    await expect(runClv(args)).rejects.toMatchObject({ code: 'ANALYTICS.INVALID_INPUT', message: /line 3/ });
    writeFileSync(input, 'id,date,amount\n1,1997-01-01,10\n');
    await expect(runClv(args)).rejects.toThrow(/no column named "customer_id"/);
    writeFileSync(input, 'customer_id,date,amount\n1,1997-01-01,10\n2,1997-01-03,5\n');
    await expect(runClv(args)).rejects.toMatchObject({ code: 'ANALYTICS.DATA_TOO_SMALL' });
  });

  it('rejects bad option values before reading anything', async () => {
    const program = new Command().exitOverride();
    registerClvCommand(program)
      .exitOverride()
      .configureOutput({ writeErr: () => {} });
    const base = [
      'clv',
      '--transactions',
      'x.csv',
      '--end',
      '1997-09-30',
      '--out',
      'o.csv',
      '--predict-periods',
      '4',
    ];
    await expect(program.parseAsync([...base, '--unit', 'month'], { from: 'user' })).rejects.toThrow(
      /Allowed choices/,
    );
    await expect(
      program.parseAsync([...base, '--unit', 'week', '--discount', 'x'], { from: 'user' }),
    ).rejects.toThrow(/--discount must be/);
  });
});
