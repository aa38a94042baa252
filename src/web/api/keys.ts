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
};
