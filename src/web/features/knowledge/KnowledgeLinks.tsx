import { BookOutlined, DeleteOutlined, EnterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Select, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebounced } from '../../components/useDebounced';
import { useCan } from '../auth/api';
import { type ArticleDto, articleTitle, useArticles, useTicketArticleLink, useTicketArticles } from './api';

/** What "insert into reply" puts in the reply: the article's title and its address. */
export const articleReference = (a: ArticleDto, language: string, origin = window.location.origin) =>
  `${articleTitle(a, language)}: ${origin}/knowledge/${a.id}`;

/**
 * The knowledge-base articles of a ticket, for the ticket page: find a published article and link it,
 * open or unlink the linked ones and, when the page gives `onInsertIntoReply` (the reply box), put a
 * linked article's title and address into the reply.
 */
export function KnowledgeLinks({
  ticketId,
  onInsertIntoReply,
}: {
  ticketId: string;
  onInsertIntoReply?: (text: string, article: ArticleDto) => void;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 250);
  const found = useArticles({ q: term, status: 'published', limit: 10 }, term.length > 0);
  const linked = useTicketArticles(ticketId);
  const { link, unlink } = useTicketArticleLink(ticketId);
  const writer = can('tickets.write');
  const error = link.error ?? unlink.error ?? linked.error;
  const linkedIds = new Set((linked.data?.items ?? []).map((l) => l.article.id));

  return (
    <Card
      size="small"
      data-testid="knowledge-links"
      title={
        <Flex gap={8} align="center">
          <BookOutlined />
          {t('knowledge.linkedTitle')}
        </Flex>
      }
    >
      {writer && (
        <Select
          showSearch
          value={null}
          style={{ width: '100%', marginBottom: 8 }}
          placeholder={t('knowledge.linkSearch')}
          filterOption={false}
          onSearch={setQ}
          loading={found.isFetching}
          notFoundContent={term ? t('knowledge.empty') : null}
          data-testid="knowledge-link-search"
          options={(term ? (found.data?.items ?? []) : [])
            .filter((a) => !linkedIds.has(a.id))
            .map((a) => ({ value: a.id, label: articleTitle(a, i18n.language) }))}
          onSelect={(id: string | null) => {
            if (id) link.mutate(id);
            setQ('');
          }}
        />
      )}
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        loading={linked.isPending}
        locale={{ emptyText: t('knowledge.noLinks') }}
        dataSource={linked.data?.items ?? []}
        renderItem={({ article }) => (
          <List.Item
            actions={[
              onInsertIntoReply && (
                <Tooltip key="insert" title={t('knowledge.insertIntoReply')}>
                  <Button
                    size="small"
                    icon={<EnterOutlined />}
                    aria-label={t('knowledge.insertIntoReply')}
                    onClick={() => onInsertIntoReply(articleReference(article, i18n.language), article)}
                  />
                </Tooltip>
              ),
              writer && (
                <Tooltip key="unlink" title={t('knowledge.unlink')}>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('knowledge.unlink')}
                    loading={unlink.isPending && unlink.variables === article.id}
                    onClick={() => unlink.mutate(article.id)}
                  />
                </Tooltip>
              ),
            ].filter(Boolean)}
          >
            <Link to={`/knowledge/${article.id}`}>{articleTitle(article, i18n.language)}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
