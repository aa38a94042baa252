import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testServer.js';
import { launchBrowser, logIn, poll, RESULTS } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let pageErrors: string[] = [];
let context: BrowserContext;
let page: Page;

const TITLE_ZH = '外包装破损的理赔步骤';
const BODY_ZH =
  '# 先做什么\n\n- 请客户拍摄**外箱照片**\n- 核对签收单\n\n不要相信 <script>alert(1)</script> 这样的文字。';

beforeAll(async () => {
  let newPage: Awaited<ReturnType<typeof launchBrowser>>['newPage'];
  ({ browser, newPage, pageErrors } = await launchBrowser());
  server = await startTestServer();
  ({ context, page } = await newPage(1366, 900));
  await page.goto(`${server.baseUrl}/login`);
  await logIn(page, server.adminEmail, server.adminPassword);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

// The organisation's default language is Chinese, so the UI is.
describe('knowledge base in the browser', () => {
  it('writes an article with a live preview, publishes it and finds it by part of a Chinese word', async () => {
    await page.getByRole('menuitem', { name: '知识库' }).click();
    await page.getByRole('button', { name: '新建文章' }).click();
    await page.getByTestId('article-titleZh').fill(TITLE_ZH);
    await page.getByTestId('article-bodyZh').fill(BODY_ZH);
    // the preview renders the markup, and shows HTML as the text it is
    const preview = page.getByTestId('article-bodyZh-preview');
    await preview.locator('strong', { hasText: '外箱照片' }).waitFor();
    await poll(() => preview.locator('li').count()).toBe(2);
    expect(await preview.innerText()).toContain('<script>alert(1)</script>');
    expect(await preview.locator('script').count()).toBe(0);

    await page.getByRole('tab', { name: 'English' }).click();
    await page.getByTestId('article-titleEn').fill('Claims for damaged packaging');
    await page.getByTestId('article-bodyEn').fill('Ask for photos of the **outer carton**.');
    await page.getByTestId('article-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '破损' }).click();
    await page.getByRole('button', { name: /^发\s?布$/ }).click();

    await poll(() => page.getByTestId('article-title').innerText()).toBe(TITLE_ZH);
    await page.locator('strong', { hasText: '外箱照片' }).waitFor();
    await page.getByRole('tab', { name: 'English' }).click();
    await page.locator('strong', { hasText: 'outer carton' }).waitFor();

    await page.getByRole('link', { name: '返回列表' }).click();
    const search = page.getByTestId('knowledge-search').locator('input');
    await search.fill('破损');
    await search.press('Enter');
    const rows = page.getByTestId('knowledge-table').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(TITLE_ZH);
    await search.fill('赔步');
    await search.press('Enter');
    await poll(() => rows.count()).toBe(1);
    await search.fill('延误');
    await search.press('Enter');
    await poll(() => rows.count()).toBe(0);
    await page.screenshot({ path: `${RESULTS}knowledge-search.png` });
    expect(pageErrors).toEqual([]);
  });

  it('refuses to publish without text for a titled language, naming the field', async () => {
    await page.goto(`${server.baseUrl}/knowledge/new`);
    await page.getByTestId('article-titleZh').fill('只有标题');
    await page.getByRole('button', { name: /^发\s?布$/ }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '有标题的语言都须填写正文' }).waitFor();
    expect(page.url()).toContain('/knowledge/new');
  });
});
