// The service desk's domains register their jobs, timeline sources, account references and demo
// step when imported; the server and the worker import this one module.
