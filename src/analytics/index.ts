/** Customer analytics: pure functions, no I/O. See each file for the definitions and references. */
export * from './abc.js';
export * from './bgnbd.js';
export * from './clv.js';
export * from './dates.js';
export * from './errors.js';
export type { FitDiagnostics, MlOptions } from './fit.js';
export * from './gammaGamma.js';
export type { RepeatHistory } from './groups.js';
export * from './rfm.js';
export * from './simulate.js';
export * from './summary.js';
