import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, creditCode } from '../accountFactory.js';
import { gbkCsv, xlsxFile } from '../importFiles.js';
import { startTestServer } from '../testServer.js';
import {
  chooseLoginLanguage,
  chooseOption,
  launchBrowser,
  logIn,
  poll,
  RESULTS,
  switchLanguageFromUserMenu,
} from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let pageErrors: string[] = [];
let context: BrowserContext;
let page: Page;
let failedJobUrl = '';
const dir = mkdtempSync(join(tmpdir(), 'logicrm-import-e2e-'));

const EXISTING = '恒通冷链物流（上海）有限公司';
/** "所属城市" is no known header: the person maps it to the city, and the layout is remembered. */
const HEADER = ['客户编码', '客户名称', '统一社会信用代码', '所属城市', '联系人', '手机', '备注'];
const WITH_ERRORS = [
  HEADER,
  ['WIZ1', '华东冷链物流有限公司', creditCode(7001), '上海', '张伟', '13812340001', '老客户'],
  ['WIZ2', '岭南快运有限公司', '91310000MA1FL0000X', '广州', '李娜', '13812340002', ''],
  ['WIZ3', '川渝供应链管理有限公司', creditCode(7003), '成都', '王芳', '12345', ''],
  ['WIZ3', '西北陆港物流有限公司', creditCode(7004), '西安', '赵强', '13812340004', ''],
  ['WIZ5', EXISTING, creditCode(7005), '上海', '周敏', '13812340005', ''],
];
const FIXED = WITH_ERRORS.map((r, i) => {
  if (i === 2) return r.map((c, j) => (j === 2 ? creditCode(7002) : c));
  if (i === 3) return r.map((c, j) => (j === 5 ? '13812340003' : c));
  if (i === 4) return r.map((c, j) => (j === 0 ? 'WIZ4' : c));
  return r;
});

function writeFile(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const choose = (testId: string, option: string) => chooseOption(page, page.getByTestId(testId), option);

const wizCodes = async () =>
  (
    await server.database.pool.query(
      `SELECT a.code, a.city, c.mobile FROM accounts a LEFT JOIN contacts c ON c.account_id = a.id
        WHERE a.code LIKE 'WIZ%' ORDER BY a.code`,
    )
  ).rows;

beforeAll(async () => {
  const launched = await launchBrowser();
  browser = launched.browser;
  pageErrors = launched.pageErrors;
  server = await startTestServer();
  await buildAccount(server.database.db, { nameZh: EXISTING, creditCode: creditCode(4343), city: '上海' });
  ({ context, page } = await launched.newPage(1366, 900));
  await page.goto(`${server.baseUrl}/login`);
  await chooseLoginLanguage(page, '中文（简体）');
  await logIn(page, server.adminEmail, server.adminPassword);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('account import wizard', () => {
  it('reads a GBK file after the encoding is corrected, maps a column and reports every bad row', async () => {
    await page.getByTestId('app-nav').getByText('客户', { exact: true }).click();
    await page.getByTestId('accounts-import').click();
    await page.waitForURL('**/imports');
    await page.getByTestId('import-new-accounts').click();
    await page.waitForURL('**/imports/new/accounts');

    // Saved as GBK but uploaded as UTF-8: the server says which line is not UTF-8.
    await choose('encoding-select', 'UTF-8');
    await page.locator('input[type=file]').setInputFiles(writeFile('客户-有错误.csv', gbkCsv(WITH_ERRORS)));
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('file-issues').textContent()).toContain('不是该编码的有效文本');
    expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true);
    await choose('encoding-select', 'GBK');
    await poll(() => page.getByTestId('import-preview').textContent()).toContain('华东冷链物流有限公司');
    expect(await page.getByTestId('file-issues').count()).toBe(0);
    expect(await page.getByTestId('detected-encoding').textContent()).toMatch(/GBK|GB18030/);
    await page.screenshot({ path: `${RESULTS}imports-upload.png`, fullPage: true });

    await page.getByTestId('wizard-next').click();
    const mapping = page.getByTestId('mapping-table');
    await poll(() => page.getByTestId('mapping-source').textContent()).toBe('根据列名自动识别');
    await poll(() => page.getByTestId('unmapped-count').textContent()).toBe('有 2 列不会导入');
    expect(await page.getByTestId('required-fields').textContent()).toContain('客户名称');
    await page.getByTestId('mapping-3').click();
    await page.keyboard.type('城市');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^城市$/ }).click();
    await poll(() => page.getByTestId('mapping-source').textContent()).toContain('您设置的对应关系');
    await poll(() => page.getByTestId('unmapped-count').textContent()).toBe('有 1 列不会导入');
    expect(await mapping.locator('tr', { hasText: '备注' }).textContent()).toContain('不导入');
    await page.screenshot({ path: `${RESULTS}imports-mapping.png`, fullPage: true });

    await page.getByTestId('wizard-next').click();
    const badRows = page.getByTestId('bad-rows');
    await poll(() => badRows.textContent()).toContain('客户编码 WIZ3 出现在第 4, 5 行');
    const text = (await badRows.textContent()) ?? '';
    expect(text).toContain('统一社会信用代码');
    expect(text).toMatch(/号码/);
    const lines = await badRows.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(new Set(lines)).toEqual(new Set(['3', '4', '5']));
    expect(await page.getByTestId('check-counts').textContent()).toMatch(/有错误3/);
    await poll(() => page.getByTestId('warnings').textContent()).toContain('疑似已有客户');
    await page.screenshot({ path: `${RESULTS}imports-check.png`, fullPage: true });

    await page.getByTestId('wizard-next').click();
    await poll(() => page.getByTestId('mode-summary').textContent()).toContain('5 行中 2 行有效，3 行有错误');
    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await poll(() => result.textContent()).toContain('有 3 行存在错误，未导入任何数据');
    expect(await wizCodes()).toEqual([]);
    failedJobUrl = page.url();
  });

  it('gives the error report to download, in the UI language', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-report').click(),
    ]);
    expect(download.suggestedFilename()).toBe('客户-有错误-report.csv');
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report.startsWith('\uFEFF行号,列,字段,级别,代码,说明')).toBe(true);
    expect(report).toMatch(/^3,统一社会信用代码,creditCode,错误,/m);
    expect(report).toMatch(/^4,手机,contact\.mobile,错误,/m);
    expect(report).toContain('客户编码 WIZ3 出现在第 4, 5 行');
    expect(report).toMatch(/^6,.*警告,import\.likely_duplicate/m);
    await page.screenshot({ path: `${RESULTS}imports-failed.png`, fullPage: true });
  });

  it('imports the fixed file with the remembered mapping, following the progress to the result', async () => {
    await page.getByRole('link', { name: '导入其他文件' }).click();
    await page.waitForURL('**/imports/new/accounts');
    await page.locator('input[type=file]').setInputFiles(writeFile('客户-已修正.csv', gbkCsv(FIXED)));
    await poll(() => page.getByTestId('import-preview').textContent()).toContain('西北陆港物流有限公司');
    await page.getByTestId('wizard-next').click();
    await poll(() => page.getByTestId('mapping-source').textContent()).toContain(
      '您之前为相同列的文件确认过',
    );
    await page.getByTestId('wizard-next').click();
    await poll(() => page.getByTestId('check-counts').textContent()).toMatch(/有效5/);
    expect(await page.getByText('没有行存在错误。').count()).toBe(1);
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('mode-upsert').click();
    await poll(() => page.getByTestId('mode-summary').textContent()).toContain('5 行中 5 行有效，0 行有错误');
    // The progress bar shows while the job runs on the server, however briefly for five rows.
    await page.evaluate(() => {
      const seen = window as unknown as { progressShown?: boolean };
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=import-progress]')) seen.progressShown = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('import-start').click();
    await poll(() => page.getByTestId('import-result').textContent()).toContain('导入完成');
    expect(await page.evaluate(() => (window as { progressShown?: boolean }).progressShown)).toBe(true);
    expect(await page.getByTestId('result-counts').textContent()).toMatch(/新增5/);
    await page.screenshot({ path: `${RESULTS}imports-done.png`, fullPage: true });
    expect(await wizCodes()).toEqual([
      { code: 'WIZ1', city: '上海', mobile: '+8613812340001' },
      { code: 'WIZ2', city: '广州', mobile: '+8613812340002' },
      { code: 'WIZ3', city: '成都', mobile: '+8613812340003' },
      { code: 'WIZ4', city: '西安', mobile: '+8613812340004' },
      { code: 'WIZ5', city: '上海', mobile: '+8613812340005' },
    ]);
  });

  it('lists past imports with their results', async () => {
    await page.getByRole('link', { name: '导入记录' }).click();
    const table = page.getByTestId('imports-table');
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    const rows = await table.locator('tbody tr.ant-table-row').allTextContents();
    expect(rows[0]).toContain('客户-已修正.csv');
    expect(rows[0]).toContain('新增 5');
    expect(rows[1]).toContain('客户-有错误.csv');
    expect(rows[1]).toContain('失败');
    expect(rows[1]).toContain('5 行中 3 行有错误');
    await poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await page.screenshot({ path: `${RESULTS}imports-list.png` });
  });

  it('exports the filtered account list as CSV', async () => {
    await page.goto(`${server.baseUrl}/accounts?q=${encodeURIComponent('冷链')}`);
    const table = page.getByTestId('accounts-table');
    await poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...records] = csv.trim().split(/\r?\n/);
    // the browser says en-US, the UI is in Chinese: the link carries the UI's language
    expect(header.split(',').slice(0, 3)).toEqual(['客户编码', '中文名称', '英文名称']);
    expect(records).toHaveLength(3);
    expect(csv).toContain('WIZ1');
    expect(csv).toContain('WIZ5');
    expect(csv).toContain('华东冷链物流有限公司');
    expect(csv).not.toContain('WIZ2');
    expect(csv).not.toContain('岭南快运有限公司');
  });

  it('keeps the result of a failed import, told in the language of the UI', async () => {
    await switchLanguageFromUserMenu(page, '语言', 'en-US');
    await page.goto(failedJobUrl);
    await poll(() => page.getByTestId('import-result').textContent()).toContain(
      '3 rows have errors; nothing was imported.',
    );
    expect(await page.getByTestId('result-counts').textContent()).toMatch(/With errors3/);
    await page.screenshot({ path: `${RESULTS}imports-failed-en.png`, fullPage: true });
  });

  it('reads an XLSX workbook of the same layout with the remembered mapping', async () => {
    await page.goto(`${server.baseUrl}/imports/new/accounts`);
    await page.locator('input[type=file]').setInputFiles(writeFile('customers.xlsx', await xlsxFile(FIXED)));
    await poll(() => page.getByTestId('import-preview').textContent()).toContain('川渝供应链管理有限公司');
    expect(await page.getByTestId('file-facts').textContent()).toContain('XLSX');
    expect(await page.getByTestId('encoding-select').count()).toBe(0);
    await page.getByTestId('wizard-next').click();
    await poll(() => page.getByTestId('mapping-source').textContent()).toContain('you confirmed');
    expect(await page.getByTestId('mapping-3').textContent()).toBe('City');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
