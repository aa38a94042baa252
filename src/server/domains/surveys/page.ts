import { translate } from '../../../shared/i18n/messages.js';
import type { Locale } from '../../../shared/organization.js';
import type { SurveyQuestion } from '../../../shared/surveys/schemas.js';
import '../../../shared/surveys/messages.js';
import type { AnswerValue } from './answers.js';

/**
 * The public response page, rendered on the server as plain HTML with a form: it works on any phone
 * without JavaScript. Every text that comes from data (questions, saved free text) goes through esc().
 */
export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
main{max-width:560px;margin:0 auto;padding:16px}h1{font-size:1.3rem}fieldset{border:0;background:#fff;border-radius:8px;margin:0 0 12px;padding:12px}
legend{font-weight:600;padding:0;margin-bottom:8px;float:left;width:100%}.scale{display:flex;flex-wrap:wrap;gap:6px;clear:both}
.scale label{flex:1 0 40px;text-align:center;border:1px solid #bbb;border-radius:6px;padding:10px 0;min-width:40px;background:#fafafa}
.scale input{display:block;margin:0 auto 4px}.ends{display:flex;justify-content:space-between;font-size:.8rem;color:#666;clear:both;margin-top:4px}
.opt{display:block;padding:8px 0;clear:both}textarea{width:100%;min-height:90px;box-sizing:border-box;font:inherit;clear:both;display:block}
.err{color:#b00020;font-size:.9rem;clear:both}.note{background:#e6f4ff;padding:10px;border-radius:6px}.bad{background:#fff1f0;padding:10px;border-radius:6px}
button{font-size:1rem;padding:12px 16px;border-radius:6px;border:1px solid #1677ff;margin:4px 0;width:100%}
button[value=submit]{background:#1677ff;color:#fff}.lang{float:right}`;

function shell(locale: Locale, title: string, body: string) {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** A page with only a message (thank-you, expired, not valid). */
export function messagePage(locale: Locale, key: string) {
  const text = translate(locale, key);
  return shell(locale, text, `<p class="note" role="status">${esc(text)}</p>`);
}

/** Asks before unsubscribing (a mail scanner following the link must not unsubscribe anyone). */
export function unsubscribeForm(locale: Locale, token: string) {
  const text = translate(locale, 'surveyPage.unsubscribe');
  return shell(
    locale,
    text,
    `<form method="post" action="/s/${esc(token)}/unsubscribe?lang=${locale}"><button type="submit">${esc(text)}</button></form>`,
  );
}

export interface FormPage {
  token: string;
  locale: Locale;
  name: string;
  waybill: string | null;
  questions: SurveyQuestion[];
  values: Record<string, AnswerValue>;
  /** Field errors keyed `answers.<key>`, already localised. */
  errors: Record<string, string>;
  notice: 'saved' | null;
}

function scale(q: SurveyQuestion, from: number, to: number, value: AnswerValue, low: string, high: string) {
  const boxes = [];
  for (let v = from; v <= to; v++)
    boxes.push(
      `<label><input type="radio" name="q_${q.key}" value="${v}"${value === v ? ' checked' : ''}>${v}</label>`,
    );
  return `<div class="scale">${boxes.join('')}</div><div class="ends"><span>${esc(low)}</span><span>${esc(high)}</span></div>`;
}

function input(q: SurveyQuestion, locale: Locale, value: AnswerValue) {
  const t = (k: string) => translate(locale, k);
  const opt = (o: { textZh: string; textEn: string }) => esc(locale === 'zh-CN' ? o.textZh : o.textEn);
  switch (q.type) {
    case 'rating':
    case 'importance':
      return scale(q, 1, 5, value, t('surveyPage.poor'), t('surveyPage.excellent'));
    case 'nps':
      return scale(q, 0, 10, value, t('surveyPage.notLikely'), t('surveyPage.veryLikely'));
    case 'single':
      return (q.options ?? [])
        .map(
          (o) =>
            `<label class="opt"><input type="radio" name="q_${q.key}" value="${esc(o.key)}"${value === o.key ? ' checked' : ''}> ${opt(o)}</label>`,
        )
        .join('');
    case 'multiple':
      return (q.options ?? [])
        .map(
          (o) =>
            `<label class="opt"><input type="checkbox" name="q_${q.key}" value="${esc(o.key)}"${Array.isArray(value) && value.includes(o.key) ? ' checked' : ''}> ${opt(o)}</label>`,
        )
        .join('');
    case 'text':
      return `<textarea name="q_${q.key}" maxlength="4000">${esc(typeof value === 'string' ? value : '')}</textarea>`;
  }
}

export function formPage(p: FormPage) {
  const t = (k: string, params?: Record<string, string>) => translate(p.locale, k, params);
  const other: Locale = p.locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const top = [
    `<a class="lang" href="?lang=${other}">${esc(t('surveyPage.otherLanguage'))}</a>`,
    `<h1>${esc(p.name)}</h1>`,
    p.waybill ? `<p>${esc(t('surveyPage.about', { waybill: p.waybill }))}</p>` : '',
    p.notice === 'saved' ? `<p class="note" role="status">${esc(t('surveyPage.saved'))}</p>` : '',
    Object.keys(p.errors).length ? `<p class="bad" role="alert">${esc(t('surveyPage.fix'))}</p>` : '',
  ];
  const fields = p.questions.map((q) => {
    const text = p.locale === 'zh-CN' ? q.textZh : q.textEn;
    const err = p.errors[`answers.${q.key}`];
    const req = q.required ? ` <small>(${esc(t('surveyPage.required'))})</small>` : '';
    return `<fieldset id="f_${q.key}"><legend>${esc(text)}${req}</legend>${input(q, p.locale, p.values[q.key] ?? null)}${err ? `<p class="err">${esc(err)}</p>` : ''}</fieldset>`;
  });
  const form = `<form method="post" action="/s/${esc(p.token)}?lang=${p.locale}">${fields.join('')}
<button type="submit" name="action" value="submit">${esc(t('surveyPage.submit'))}</button>
<button type="submit" name="action" value="save">${esc(t('surveyPage.save'))}</button></form>`;
  return shell(p.locale, p.name, top.join('') + form);
}

/** Form fields (q_<key>, repeated for checkboxes) → answers typed as each question expects. */
export function answersFromForm(
  questions: SurveyQuestion[],
  form: URLSearchParams,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const q of questions) {
    const values = form.getAll(`q_${q.key}`);
    if (q.type === 'multiple') out[q.key] = values;
    else if (!values.length) out[q.key] = null;
    else if (q.type === 'rating' || q.type === 'importance' || q.type === 'nps')
      out[q.key] = /^\d{1,2}$/.test(values[0]) ? Number(values[0]) : values[0];
    else out[q.key] = values[0];
  }
  return out;
}
