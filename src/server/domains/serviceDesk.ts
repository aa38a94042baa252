// The service desk's domains register their jobs, timeline sources, account references and demo
// step when imported; the server imports them through app.ts, the worker through this module.
import './notifications/index.js';
import './tickets/index.js';
import './interactions/index.js';
