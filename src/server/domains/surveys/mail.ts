import { translate } from '../../../shared/i18n/messages.js';
import type { Locale } from '../../../shared/organization.js';
import '../../../shared/surveys/messages.js';
import { surveyPath } from './invitations.js';

/**
 * The outbox row of a survey mail (the invitation, or its one reminder): the personal link and the
 * unsubscribe link on the site's public address, and the waybill it is about if any.
 */
export function surveyMail(
  m: { locale: Locale; publicUrl: string; token: string; recipient: string; waybill?: string | null },
  now: Date,
  reminder?: { expires: string },
) {
  const base = m.publicUrl.replace(/\/$/, '');
  const params = {
    link: `${base}${surveyPath(m.token)}`,
    unsubscribe: `${base}${surveyPath(m.token)}/unsubscribe`,
    about: m.waybill ? translate(m.locale, 'surveyMail.about', { waybill: m.waybill }) : '',
    expires: reminder?.expires ?? '',
  };
  return {
    channel: 'email' as const,
    nextAttemptAt: now,
    createdAt: now,
    recipient: m.recipient,
    subject: translate(m.locale, reminder ? 'surveyMail.reminderSubject' : 'surveyMail.subject'),
    body: translate(m.locale, reminder ? 'surveyMail.reminderBody' : 'surveyMail.body', params),
  };
}
