import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccountDto,
  AccountListItem,
  ContactDto,
  createAccountBodySchema,
  duplicateCandidateSchema,
} from '../../../shared/customers/accountDto';
import type { ContactInput } from '../../../shared/customers/accountSchemas';
import { api, withQuery } from '../../api/client';
import { queryKeys } from '../../api/keys';
import type { SavedView } from '../../api/savedViews';
import type { Page, UserDto } from '../../api/types';
import { currentLocale } from '../../i18n';
import type { AccountFilters } from './list/filters';

export type { AccountDto, AccountListItem, ContactDto };
export type AccountCreateBody = z.input<typeof createAccountBodySchema>;
export type DuplicateCandidate = z.output<typeof duplicateCandidateSchema>;
export type DuplicateEvidence = DuplicateCandidate['evidence'][number];
export type AccountSummary = DuplicateCandidate['account'];

export interface AccountDetail {
  account: AccountDto;
  contacts: ContactDto[];
  figures: Record<string, number | string | null>;
}

export interface TimelineItem {
  key: string;
  at: string;
  source: string;
  kind: string;
  actorLabel: string | null;
  data: Record<string, unknown>;
}

export interface DuplicatePair {
  a: AccountSummary;
  b: AccountSummary;
  score: number;
  evidence: DuplicateEvidence[];
}

export type { SavedView };

export interface DuplicateCheckBody {
  nameZh?: string;
  nameEn?: string;
  creditCode?: string;
  phones: string[];
  emails: string[];
  excludeId?: string;
}

export const ACCOUNTS_PAGE_SIZE = 50;
const TIMELINE_PAGE_SIZE = 30;
const keys = queryKeys.accounts;

/** The filters as query parameters: the list, the export and saved views all speak this form. */
export const filterQuery = (f: AccountFilters) => ({ ...f });

export const exportUrl = (filters: AccountFilters, format: 'csv' | 'xlsx') =>
  `/api/v1${withQuery('/accounts/export', { format, lang: currentLocale(), ...filterQuery(filters) })}`;

export function useAccounts(filters: AccountFilters, cursor: string | null) {
  return useQuery({
    queryKey: keys.list({ ...filters, cursor }),
    queryFn: () =>
      api<Page<AccountListItem>>(
        'GET',
        withQuery('/accounts', { limit: ACCOUNTS_PAGE_SIZE, ...filterQuery(filters), cursor }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** A few accounts matching what was typed, for pickers (merge another account into this one). */
export function useAccountSearch(q: string) {
  return useQuery({
    queryKey: keys.search(q),
    queryFn: () => api<Page<AccountListItem>>('GET', withQuery('/accounts', { q, limit: 20 })),
    enabled: q.trim().length > 0,
  });
}

export function useAccount(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => api<AccountDetail>('GET', `/accounts/${id}`),
    enabled: !!id,
  });
}

/** Anything that changed an account also changes its list rows, timeline and duplicates. */
function useInvalidateAccounts() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.all });
}

export function useCreateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (body: AccountCreateBody) =>
      api<{ account: AccountDto; contacts: ContactDto[]; possibleDuplicates: DuplicateCandidate[] }>(
        'POST',
        '/accounts',
        body,
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      account: object;
      requirements?: string | null;
    }) => api<AccountDto>('PUT', `/accounts/${id}`, body),
    onSettled: invalidate, // after a 409 too: the page behind shows the current version
  });
}

export function useSetArchived() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, version, archived }: { id: string; version: number; archived: boolean }) =>
      api<AccountDto>('POST', `/accounts/${id}/${archived ? 'archive' : 'restore'}`, { version }),
    onSettled: invalidate, // after a 409 too: the page behind shows the current version
  });
}

export function useChangeOwner() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, version, ownerId }: { id: string; version: number; ownerId: string | null }) =>
      api<AccountDto>('POST', `/accounts/${id}/owner`, { version, ownerId }),
    onSettled: invalidate, // after a 409 too: the page behind shows the current version
  });
}

export function useTimeline(id: string, sources: readonly string[]) {
  return useInfiniteQuery({
    queryKey: keys.timeline(id, sources),
    queryFn: ({ pageParam }) =>
      api<Page<TimelineItem>>(
        'GET',
        withQuery(`/accounts/${id}/timeline`, {
          limit: TIMELINE_PAGE_SIZE,
          source: sources,
          cursor: pageParam,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTimelineSources() {
  return useQuery({
    queryKey: keys.timelineSources,
    queryFn: () => api<{ sources: string[] }>('GET', '/accounts/timeline-sources'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAddNote(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<{ id: string }>('POST', `/accounts/${accountId}/notes`, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.detail(accountId) }),
  });
}

export function useContacts(accountId: string, archived: boolean) {
  return useQuery({
    queryKey: keys.contacts(accountId, archived),
    queryFn: () =>
      api<{ items: ContactDto[] }>('GET', withQuery(`/accounts/${accountId}/contacts`, { archived })),
  });
}

/** Add a contact (`contactId` undefined) or edit one at the version it was read. */
export function useSaveContact(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      contactId,
      version,
      contact,
    }: {
      contactId?: string;
      version?: number;
      contact: ContactInput;
    }) =>
      contactId
        ? api<ContactDto>('PUT', `/contacts/${contactId}`, { version, contact })
        : api<ContactDto>('POST', `/accounts/${accountId}/contacts`, contact),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.detail(accountId) }),
  });
}

export function useSetContactArchived(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ contact, archived }: { contact: ContactDto; archived: boolean }) =>
      api<ContactDto>('POST', `/contacts/${contact.id}/${archived ? 'archive' : 'restore'}`, {
        version: contact.version,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.detail(accountId) }),
  });
}

export function useDuplicateCheck(body: DuplicateCheckBody, enabled: boolean) {
  return useQuery({
    queryKey: keys.duplicateCheck(body),
    queryFn: () => api<{ candidates: DuplicateCandidate[] }>('POST', '/accounts/duplicate-check', body),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useDuplicatePairs() {
  return useQuery({
    queryKey: keys.duplicatePairs,
    queryFn: () => api<{ items: DuplicatePair[] }>('GET', '/duplicates/accounts'),
  });
}

export function useDismissDuplicate() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (pair: { a: string; b: string }) => api<void>('POST', '/duplicates/accounts/dismiss', pair),
    onSuccess: invalidate,
  });
}

/** What a merge needs of each account: who it is and the version the person saw. */
export type MergeSide = Pick<AccountDto, 'id' | 'code' | 'nameZh' | 'nameEn' | 'version'>;

/** Final: the loser's contacts, notes and history move to the survivor; the loser is archived. */
export function useMergeAccounts() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ survivor, loser }: { survivor: MergeSide; loser: MergeSide }) =>
      api<{ survivor: AccountDto; moved: Record<string, number> }>('POST', `/accounts/${survivor.id}/merge`, {
        loserId: loser.id,
        survivorVersion: survivor.version,
        loserVersion: loser.version,
      }),
    onSuccess: invalidate,
  });
}

/** Users an account can be given to (needs users.read: managers and administrators). */
export function useOwnerOptions(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.ownerOptions,
    queryFn: () => api<Page<UserDto>>('GET', withQuery('/users', { limit: 200, active: true })),
    enabled,
    staleTime: 60_000,
  });
}
