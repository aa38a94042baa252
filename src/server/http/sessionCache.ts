import type { SessionPrincipal } from '../domains/auth/repo.js';

/**
 * A few seconds' memory of sessions this process has just checked, so that a burst of requests from
 * one browser costs one database look-up instead of one each. It never needs to agree with other
 * processes: an entry lives `ttlMs` at most, so a logout, deactivation or password change made
 * through another process takes effect here within that time (through this process: at once).
 * `ttlMs = 0` turns it off.
 */
export class SessionCache {
  private readonly entries = new Map<string, { until: number; principal: SessionPrincipal }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(sessionId: string): SessionPrincipal | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (e.until <= Date.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return e.principal;
  }

  set(sessionId: string, principal: SessionPrincipal): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(sessionId, { until: Date.now() + this.ttlMs, principal });
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** After a change to a user (deactivation, password, role), drop every cached session of theirs. */
  forgetUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.principal.user.id === userId) this.entries.delete(id);
  }
}
