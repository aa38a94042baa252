// What other domains may use of the KPI engine.
export type { OnTimeRule } from './formulas.js';
export { alignRollupTimeZone } from './rollup.js';
export { type KpiDto, type KpiRequest, shipmentKpis } from './service.js';
