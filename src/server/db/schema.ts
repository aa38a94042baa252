// Every domain's tables, for drizzle-kit and for typed queries. Domains add their tables here.

export * from '../domains/accounts/table.js';
export * from '../domains/analytics/table.js';
export * from '../domains/apikeys/table.js';
export * from '../domains/audit/table.js';
export * from '../domains/auth/table.js';
export * from '../domains/imports/jobsTable.js';
export * from '../domains/interactions/table.js';
export * from '../domains/knowledge/table.js';
export * from '../domains/kpi/table.js';
export * from '../domains/notifications/table.js';
export * from '../domains/organization/table.js';
export * from '../domains/partners/table.js';
export * from '../domains/shipments/table.js';
export * from '../domains/sla/table.js';
export * from '../domains/surveys/rollupTable.js';
export * from '../domains/surveys/table.js';
export * from '../domains/tickets/attachmentsTable.js';
export * from '../domains/tickets/table.js';
export * from '../domains/users/table.js';
