/**
 * Every job queue. Queues are created with the database schema (migrateDatabase), so a business
 * transaction can enqueue into them whether or not workers run in this process.
 */
export const JOB_NAMES = [
  'sla.sweep',
  'outbox.deliver',
  'tasks.remind',
  'tasks.returnVisits',
  'analytics.nightly',
  'surveys.dispatch',
  'surveys.periodic',
  'surveys.remind',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** pg-boss keeps its tables in this schema of the product's database. */
export const JOB_SCHEMA = 'pgboss';
