import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TicketCategory } from '../../../shared/servicedesk/enums';
import type {
  ArticleDto,
  ArticleStatus,
  TicketArticleLinkDto,
} from '../../../shared/servicedesk/knowledgeSchemas';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

export type { ArticleDto, ArticleStatus, TicketArticleLinkDto };

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  list: (params: object) => ['knowledge', 'list', params] as const,
  detail: (id: string) => ['knowledge', 'detail', id] as const,
  ticketLinks: (ticketId: string) => ['knowledge', 'ticket-links', ticketId] as const,
};

export interface ArticleListParams {
  q?: string;
  category?: TicketCategory;
  status?: ArticleStatus;
  cursor?: string | null;
  limit?: number;
}

export function useArticles(params: ArticleListParams, enabled = true) {
  return useQuery({
    queryKey: knowledgeKeys.list(params),
    queryFn: () => api<Page<ArticleDto>>('GET', withQuery('/knowledge/articles', { limit: 20, ...params })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useArticle(id: string | undefined) {
  return useQuery({
    queryKey: knowledgeKeys.detail(id ?? ''),
    queryFn: () => api<ArticleDto>('GET', `/knowledge/articles/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export type ArticleInput = Pick<
  ArticleDto,
  'titleZh' | 'titleEn' | 'bodyZh' | 'bodyEn' | 'category' | 'tags' | 'status'
>;

/** Creates an article, or saves an edit made on `version`. */
export function useSaveArticle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: ArticleInput }) =>
      id
        ? api<ArticleDto>('PUT', `/knowledge/articles/${encodeURIComponent(id)}`, { ...input, version })
        : api<ArticleDto>('POST', '/knowledge/articles', input),
    onSuccess: (a) => {
      qc.setQueryData(knowledgeKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: ['knowledge', 'list'] });
    },
  });
}

export function useTicketArticles(ticketId: string) {
  return useQuery({
    queryKey: knowledgeKeys.ticketLinks(ticketId),
    queryFn: () =>
      api<{ items: TicketArticleLinkDto[] }>(
        'GET',
        `/tickets/${encodeURIComponent(ticketId)}/knowledge-links`,
      ),
  });
}

export function useTicketArticleLink(ticketId: string) {
  const qc = useQueryClient();
  const path = `/tickets/${encodeURIComponent(ticketId)}/knowledge-links`;
  const onSuccess = (data: { items: TicketArticleLinkDto[] }) => {
    qc.setQueryData(knowledgeKeys.ticketLinks(ticketId), data);
    // the ticket's history shows the link
    void qc.invalidateQueries({ queryKey: ['tickets'] });
  };
  return {
    link: useMutation({
      mutationFn: (articleId: string) => api<{ items: TicketArticleLinkDto[] }>('POST', path, { articleId }),
      onSuccess,
    }),
    unlink: useMutation({
      mutationFn: (articleId: string) =>
        api<{ items: TicketArticleLinkDto[] }>('DELETE', `${path}/${encodeURIComponent(articleId)}`),
      onSuccess,
    }),
  };
}

/** The article's title in the UI language, else the other one. */
export const articleTitle = (a: Pick<ArticleDto, 'titleZh' | 'titleEn'>, language: string) =>
  (language === 'zh-CN' ? a.titleZh || a.titleEn : a.titleEn || a.titleZh) || '—';
