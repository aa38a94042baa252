/**
 * Loads the Olist review scores (../shared/data/olist/subset_bravida_8135_orders) as satisfaction
 * survey responses about their orders, through the public path a customer uses:
 *
 *   node --import tsx examples/load-olist-reviews.ts http://127.0.0.1:3000 lcrm_…
 *
 * Run examples/load-olist.ts first (the orders must exist as shipments OLIST-<order id>). The API key
 * needs a role with `surveys.manage` and `surveys.send` (admin, manager). Every answer is one request
 * to the public survey API, so start the server with SURVEY_MAX_PER_IP_PER_MINUTE raised for the
 * load (default 30 per address per minute).
 *
 * Mapping: each review row is one invitation (channel "link") about its order's shipment, answered
 * with the review score as the survey's overall rating (1–5) and title + message as its comment. An
 * order reviewed twice gets two responses, as Olist counts it (FACTS.md §2.4 counts review rows).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { OLIST_DIR } from './load-olist.js';

export const OLIST_TEMPLATE = {
  nameZh: 'Olist 订单评价',
  nameEn: 'Olist order review',
  questions: [
    {
      key: 'score',
      type: 'rating',
      dimension: 'overall',
      required: true,
      textZh: '您对这笔订单的总体评价（1–5 星）？',
      textEn: 'How would you rate this order overall (1–5 stars)?',
    },
    { key: 'comment', type: 'text', textZh: '评价内容', textEn: 'Your review' },
  ],
};

export interface Review {
  orderId: string;
  score: number;
  comment: string;
}

export function readOlistReviews(dir: URL = OLIST_DIR): Review[] {
  const rows = parse(readFileSync(new URL('olist_order_reviews_dataset.csv', dir)), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  return rows.map((r) => ({
    orderId: r.order_id,
    score: Number(r.review_score),
    comment: [r.review_comment_title, r.review_comment_message]
      .map((s) => s?.trim())
      .filter(Boolean)
      .join('\n'),
  }));
}

/** One HTTP call: staff calls carry the API key, public ones nothing. */
export type Call = (
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  auth: boolean,
) => Promise<{ status: number; json: () => Promise<unknown> }>;

export interface ReviewLoadReport {
  reviews: number;
  submitted: number;
  templateId: string;
  failed: { orderId: string; status: number }[];
}

async function ensureTemplate(call: Call): Promise<string> {
  const list = (await (await call('GET', '/api/v1/survey-templates', undefined, true)).json()) as {
    items: { id: string; nameEn: string }[];
  };
  const found = list.items.find((t) => t.nameEn === OLIST_TEMPLATE.nameEn);
  if (found) return found.id;
  const res = await call('POST', '/api/v1/survey-templates', OLIST_TEMPLATE, true);
  if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(await res.json())}`);
  return ((await res.json()) as { id: string }).id;
}

/** Creates the links in batches, then answers each through the public API, `parallel` at a time. */
export async function loadOlistReviews(
  call: Call,
  reviews: Review[],
  opts: { batchSize?: number; parallel?: number } = {},
): Promise<ReviewLoadReport> {
  const templateId = await ensureTemplate(call);
  const report: ReviewLoadReport = { reviews: reviews.length, submitted: 0, templateId, failed: [] };
  const batchSize = opts.batchSize ?? 1000;
  for (let i = 0; i < reviews.length; i += batchSize) {
    const batch = reviews.slice(i, i + batchSize);
    const res = await call(
      'POST',
      '/api/v1/survey-invitations/links',
      { templateId, shipments: batch.map((r) => ({ waybill: `OLIST-${r.orderId}`, locale: 'en-US' })) },
      true,
    );
    if (res.status !== 201) throw new Error(`links: ${res.status} ${JSON.stringify(await res.json())}`);
    const links = ((await res.json()) as { items: { token: string }[] }).items;
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const k = next++;
        const r = batch[k];
        const answers = r.comment ? { score: r.score, comment: r.comment } : { score: r.score };
        const sent = await call(
          'POST',
          `/api/v1/public/surveys/${links[k].token}/submit`,
          { answers },
          false,
        );
        if (sent.status === 200) report.submitted++;
        else report.failed.push({ orderId: r.orderId, status: sent.status });
      }
    };
    await Promise.all(Array.from({ length: opts.parallel ?? 8 }, worker));
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [baseUrl, apiKey] = process.argv.slice(2);
  if (!baseUrl || !apiKey) {
    console.error('usage: node --import tsx examples/load-olist-reviews.ts <server URL> <API key>');
    process.exit(2);
  }
  const call: Call = (method, path, body, auth) =>
    fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(auth ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  console.log(JSON.stringify(await loadOlistReviews(call, readOlistReviews()), null, 2));
}
