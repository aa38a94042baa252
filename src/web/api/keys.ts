/** Every TanStack Query key in one place, so invalidation and reads agree. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  organization: ['organization'] as const,
  users: {
    all: ['users'] as const,
    list: (params: object) => ['users', 'list', params] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
  },
  apiKeys: ['api-keys'] as const,
  audit: {
    all: ['audit'] as const,
    search: (params: object) => ['audit', 'search', params] as const,
    record: (entity: string, entityId: string) => ['audit', 'record', entity, entityId] as const,
  },
  accounts: {
    all: ['accounts'] as const,
    list: (params: object) => ['accounts', 'list', params] as const,
    search: (q: string) => ['accounts', 'search', q] as const,
    detail: (id: string) => ['accounts', 'detail', id] as const,
    contacts: (id: string, archived: boolean) => ['accounts', 'detail', id, 'contacts', archived] as const,
    timeline: (id: string, sources: readonly string[]) =>
      ['accounts', 'detail', id, 'timeline', sources] as const,
    timelineSources: ['accounts', 'timeline-sources'] as const,
    duplicateCheck: (body: object) => ['accounts', 'duplicate-check', body] as const,
    duplicatePairs: ['accounts', 'duplicate-pairs'] as const,
  },
  imports: {
    all: ['imports'] as const,
    lists: ['imports', 'list'] as const,
    list: (cursor: string | null) => ['imports', 'list', cursor] as const,
    detail: (id: string) => ['imports', 'detail', id] as const,
    preview: (id: string, encoding: string, hasHeader: boolean) =>
      ['imports', 'preview', id, encoding, hasHeader] as const,
    dryRuns: (id: string) => ['imports', 'dry-run', id] as const,
    dryRun: (id: string, mode: string) => ['imports', 'dry-run', id, mode] as const,
  },
  savedViews: (list: string) => ['saved-views', list] as const,
  ownerOptions: ['users', 'owner-options'] as const,
};
