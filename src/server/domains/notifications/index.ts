import { registerJob } from '../../jobs/registry.js';
import { createMailTransport, outboxLogSmsProvider } from './mail.js';
import { deliverOutbox } from './service.js';

export { notificationsRoutes } from './routes.js';
export { notify } from './service.js';

registerJob({
  name: 'outbox.deliver',
  // every minute as well, for retries that fell due
  cron: '* * * * *',
  handle: async (ctx) => {
    await deliverOutbox(
      ctx.database.db,
      createMailTransport(ctx.config),
      outboxLogSmsProvider,
      ctx.clock.now(),
    );
  },
});
