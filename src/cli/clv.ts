/**
 * `logicrm clv`: per-customer lifetime value from a transactions CSV, for analysts. Reads
 * `customer_id,date,amount` (column names configurable), fits BG/NBD and Gamma-Gamma on the purchases
 * up to --end, writes one row per customer and prints the fitted parameters, log-likelihoods and
 * convergence to stdout as JSON. The numbers come from src/analytics — the same functions the server uses.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import {
  AnalyticsError,
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  dayNumber,
  fitBgNbd,
  fitGammaGamma,
  invalidInput,
  probabilityAlive,
  rfmSummary,
  type TimeUnit,
  type Transaction,
} from '../analytics/index.js';

export interface ClvOptions {
  transactions: string;
  /** Last day of the observation period, YYYY-MM-DD; later rows are ignored (and counted). */
  end: string;
  unit: TimeUnit;
  /** Prediction period for expected_purchases, in `unit`s. */
  predictPeriods: number;
  horizonMonths?: number;
  discount?: number;
  out: string;
  customerColumn?: string;
  dateColumn?: string;
  amountColumn?: string;
  /** Where the JSON report goes; default process.stdout. */
  write?: (text: string) => void;
}

export const CLV_COLUMNS = [
  'customer_id',
  'frequency',
  'recency',
  'T',
  'monetary_value',
  'expected_purchases',
  'p_alive',
  'expected_avg_value',
  'clv',
] as const;

async function readTransactions(file: string, columns: { customer: string; date: string; amount: string }) {
  const rows: Transaction[] = [];
  const parser = createReadStream(file).pipe(
    parse({ columns: true, trim: true, skip_empty_lines: true, bom: true, info: true }),
  );
  let checkedHeader = false;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (!checkedHeader) {
      for (const name of Object.values(columns)) {
        if (!(name in record))
          throw invalidInput(`${file}: no column named ${JSON.stringify(name)}`, { file, name });
      }
      checkedHeader = true;
    }
    const line = info.lines;
    const customerId = record[columns.customer];
    const date = record[columns.date];
    const amount = Number(record[columns.amount]);
    if (!customerId) throw invalidInput(`${file} line ${line}: empty customer id`, { file, line });
    if (record[columns.amount] === '' || !Number.isFinite(amount)) {
      throw invalidInput(
        `${file} line ${line}: amount ${JSON.stringify(record[columns.amount])} is not a number`,
        {
          file,
          line,
        },
      );
    }
    try {
      dayNumber(date);
    } catch {
      throw invalidInput(`${file} line ${line}: date ${JSON.stringify(date)} is not YYYY-MM-DD`, {
        file,
        line,
      });
    }
    rows.push({ customerId, date, amount });
  }
  return rows;
}

export async function runClv(options: ClvOptions) {
  const horizonMonths = options.horizonMonths ?? 12;
  const discount = options.discount ?? 0.01;
  if (!(options.predictPeriods > 0) || !Number.isFinite(options.predictPeriods)) {
    throw invalidInput('--predict-periods must be a positive number', {
      predictPeriods: options.predictPeriods,
    });
  }
  const transactions = await readTransactions(options.transactions, {
    customer: options.customerColumn ?? 'customer_id',
    date: options.dateColumn ?? 'date',
    amount: options.amountColumn ?? 'amount',
  });
  const summary = rfmSummary(transactions, { end: options.end, unit: options.unit });
  const bgNbd = fitBgNbd(summary.customers);
  const gammaGamma = fitGammaGamma(summary.customers);
  const clvOptions = { unit: options.unit, horizonMonths, monthlyDiscountRate: discount };
  const rows = summary.customers.map((c) => {
    const value = conditionalExpectedAverageValue(gammaGamma.params, c);
    return [
      c.customerId,
      c.frequency,
      c.recency,
      c.T,
      c.monetaryValue,
      conditionalExpectedPurchases(bgNbd.params, options.predictPeriods, c),
      probabilityAlive(bgNbd.params, c),
      value,
      customerLifetimeValue(bgNbd.params, c, value, clvOptions),
    ];
  });
  await pipeline(
    Readable.from(rows),
    stringify({ header: true, columns: [...CLV_COLUMNS] }),
    createWriteStream(options.out),
  );
  const report = {
    transactions: {
      file: options.transactions,
      rows: transactions.length,
      afterEnd: summary.transactionsAfterEnd,
    },
    end: options.end,
    unit: options.unit,
    customers: summary.customers.length,
    predictPeriods: options.predictPeriods,
    horizonMonths,
    monthlyDiscountRate: discount,
    bgNbd,
    gammaGamma,
    out: options.out,
  };
  (options.write ?? ((t) => process.stdout.write(t)))(`${JSON.stringify(report, null, 2)}\n`);
  return report;
}

function positiveNumber(flag: string, integer = false) {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`${flag} must be a ${integer ? 'whole ' : ''}number ≥ 0`);
    }
    return n;
  };
}

/** Adds `clv` to the main CLI. Analytics errors end the command with their code and message (exit 1). */
export function registerClvCommand(program: Command): Command {
  const command = program
    .command('clv')
    .description('Fit BG/NBD + Gamma-Gamma to a transactions CSV and write per-customer lifetime value')
    .requiredOption('--transactions <file>', 'CSV with customer_id,date,amount')
    .requiredOption('--end <date>', 'last day of the observation period, YYYY-MM-DD')
    .addOption(
      new Option('--unit <unit>', 'time unit of frequency, recency and T')
        .choices(['week', 'day'])
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--predict-periods <n>',
      'period for expected_purchases, in units',
      positiveNumber('--predict-periods'),
    )
    .option('--horizon-months <n>', 'CLV horizon in months', positiveNumber('--horizon-months', true), 12)
    .option('--discount <rate>', 'monthly discount rate', positiveNumber('--discount'), 0.01)
    .requiredOption('--out <file>', 'output CSV')
    .option('--customer-column <name>', 'customer id column', 'customer_id')
    .option('--date-column <name>', 'date column (YYYY-MM-DD)', 'date')
    .option('--amount-column <name>', 'amount column', 'amount');
  command.action(async (opts: Omit<ClvOptions, 'write'>) => {
    try {
      await runClv(opts);
    } catch (e) {
      if (e instanceof AnalyticsError)
        command.error(`${e.code}: ${e.message}`, { exitCode: 1, code: e.code });
      throw e;
    }
  });
  return command;
}
