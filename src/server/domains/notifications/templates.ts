import type { Locale } from '../../../shared/organization.js';

type Params = Record<string, string | number>;
type Template = { title: string; body: string };

/** Notification texts by kind and language; `{name}` is filled from the params. */
const TEMPLATES: Record<string, Record<Locale, Template>> = {
  'ticket.assigned': {
    'en-US': {
      title: 'Ticket {number} assigned to you',
      body: '{subject} — {account}, severity {severity}.',
    },
    'zh-CN': { title: '工单 {number} 已分派给您', body: '{subject} — {account}，严重程度 {severity}。' },
  },
  'ticket.created': {
    'en-US': { title: 'New ticket {number} for your team', body: '{subject} — {account}.' },
    'zh-CN': { title: '您的团队有新工单 {number}', body: '{subject} — {account}。' },
  },
  'ticket.customerMessage': {
    'en-US': { title: 'The customer answered on {number}', body: '{subject}: the SLA clock runs again.' },
    'zh-CN': { title: '客户已回复工单 {number}', body: '{subject}：SLA 计时已恢复。' },
  },
  'sla.warning': {
    'en-US': {
      title: 'SLA warning on {number}',
      body: '{target} is due at {dueAt}; {percent}% of the time is used.',
    },
    'zh-CN': { title: '工单 {number} SLA 预警', body: '{target}将于 {dueAt} 到期，已用 {percent}% 的时间。' },
  },
  'sla.breach': {
    'en-US': {
      title: 'SLA breached on {number} — escalated (level {level})',
      body: '{target} was due at {dueAt}. {subject}',
    },
    'zh-CN': {
      title: '工单 {number} 已超时 — 升级（第 {level} 级）',
      body: '{target}应于 {dueAt} 完成。{subject}',
    },
  },
  'task.reminder': {
    'en-US': { title: 'Reminder: {title}', body: 'Due {dueAt}.' },
    'zh-CN': { title: '提醒：{title}', body: '截止 {dueAt}。' },
  },
  'task.overdue': {
    'en-US': { title: 'Overdue task of {assignee}: {title}', body: 'It was due {dueAt}.' },
    'zh-CN': { title: '{assignee} 的任务已逾期：{title}', body: '截止时间为 {dueAt}。' },
  },
};

const TARGETS: Record<string, Record<Locale, string>> = {
  firstResponse: { 'en-US': 'First response', 'zh-CN': '首次响应' },
  resolution: { 'en-US': 'Resolution', 'zh-CN': '解决' },
};

export const NOTIFICATION_KINDS = Object.keys(TEMPLATES);

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Building a formatter costs far more than using one: the SLA sweep renders thousands at once. */
function formatDate(iso: string, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, hour12: false, dateStyle: 'short', timeStyle: 'short' });
    dateFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Renders a notification; dates in params are shown in the reader's language and zone. */
export function renderNotification(kind: string, locale: Locale, params: Params, timeZone = 'Asia/Shanghai') {
  const t = TEMPLATES[kind]?.[locale] ?? { title: kind, body: '' };
  const values: Params = { ...params };
  if (typeof values.target === 'string') values.target = TARGETS[values.target]?.[locale] ?? values.target;
  for (const key of ['dueAt'])
    if (typeof values[key] === 'string') values[key] = formatDate(values[key] as string, locale, timeZone);
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, n: string) => String(values[n] ?? ''));
  return { title: fill(t.title), body: fill(t.body) };
}
