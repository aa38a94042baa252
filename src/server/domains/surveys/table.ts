import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SurveyQuestion, SurveySettings } from '../../../shared/surveys/schemas.js';
import { editableColumns, tstz } from '../../db/columns.js';
import { accounts, contacts } from '../accounts/table.js';
import { shipments } from '../shipments/table.js';

/**
 * One revision of a survey template. A template in use (it has invitations) is never changed:
 * editing it adds a new revision of the same family and points the old one at it.
 */
export const surveyTemplates = pgTable(
  'survey_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id').notNull(),
    revision: integer('revision').notNull().default(1),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    /** Configured CSI weights per dimension (scaled to sum to 1 when used). */
    csiWeights: jsonb('csi_weights').$type<Record<string, number>>().notNull().default({}),
    isDefault: boolean('is_default').notNull().default(false),
    supersededBy: uuid('superseded_by'),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('survey_templates_family_revision_key').on(t.familyId, t.revision)],
);

/**
 * A personal invitation to answer one survey revision, usually about one shipment or ticket. Only the
 * SHA-256 of the link token is stored; the token itself exists in the mail (or the caller's answer).
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    shipmentId: uuid('shipment_id').references(() => shipments.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id'),
    trigger: text('trigger').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient'),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull(),
    sentAt: tstz('sent_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    openedAt: tstz('opened_at'),
    submittedAt: tstz('submitted_at'),
    /** The follow-up task a low score opened (closing the loop). */
    followUpTaskId: uuid('follow_up_task_id'),
    /** What came of the follow-up (contacted, resolved, no_answer), with a note, when and by whom. */
    followUpOutcome: text('follow_up_outcome'),
    followUpNote: text('follow_up_note'),
    followUpRecordedAt: tstz('follow_up_recorded_at'),
    followUpRecordedBy: uuid('follow_up_recorded_by'),
    /** When the one reminder went out; it carries a second link (only its SHA-256 is stored). */
    remindedAt: tstz('reminded_at'),
    reminderTokenHash: text('reminder_token_hash'),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_key').on(t.tokenHash),
    index('survey_invitations_account_idx').on(t.accountId, t.submittedAt),
    index('survey_invitations_submitted_idx').on(t.submittedAt),
    index('survey_invitations_sent_idx').on(t.sentAt),
    index('survey_invitations_contact_idx').on(t.contactId, t.sentAt),
    index('survey_invitations_shipment_idx').on(t.shipmentId),
    uniqueIndex('survey_invitations_reminder_token_key').on(t.reminderTokenHash),
    index('survey_invitations_unanswered_idx')
      .on(t.sentAt)
      .where(sql`submitted_at IS NULL AND reminded_at IS NULL AND channel = 'email'`),
  ],
);

/**
 * One answer to one question. Kind and dimension are copied from the question at answer time, so the
 * analysis reads answers alone and old answers keep the meaning of their revision.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => surveyInvitations.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    kind: text('kind').notNull(),
    dimension: text('dimension'),
    score: smallint('score'),
    choices: text('choices').array(),
    text: text('text'),
    answeredAt: tstz('answered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.invitationId, t.questionKey] }),
    index('survey_answers_scores_idx').on(t.kind, t.dimension, t.invitationId).where(sql`score IS NOT NULL`),
  ],
);

/** The company's survey dispatch and follow-up rules (one row; absent = the defaults). */
export const surveySettings = pgTable('survey_settings', {
  id: integer('id').primaryKey().default(1),
  settings: jsonb('settings').$type<SurveySettings>().notNull(),
  ...editableColumns(),
});

/**
 * A delivery or closed ticket the dispatcher looked at and did not survey, with the reason
 * (no_email, unsubscribed, recently_surveyed, no_contact); each is looked at once.
 */
export const surveySkips = pgTable(
  'survey_skips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trigger: text('trigger').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    shipmentId: uuid('shipment_id').references(() => shipments.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id'),
    reason: text('reason').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('survey_skips_shipment_key').on(t.shipmentId),
    uniqueIndex('survey_skips_ticket_key').on(t.ticketId),
    index('survey_skips_account_idx').on(t.accountId),
  ],
);

/** Addresses that asked for no more surveys (the unsubscribe link of every survey mail). */
export const surveyOptOuts = pgTable('survey_opt_outs', {
  email: text('email').primaryKey(),
  createdAt: tstz('created_at').notNull(),
});
