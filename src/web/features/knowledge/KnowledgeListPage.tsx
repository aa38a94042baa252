import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TICKET_CATEGORIES, type TicketCategory } from '../../../shared/servicedesk/enums';
import { ARTICLE_STATUSES } from '../../../shared/servicedesk/knowledgeSchemas';
import { useFormatDateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import { useCursorPager } from '../../components/useCursorPager';
import { useCan } from '../auth/api';
import { type ArticleDto, type ArticleStatus, articleTitle, useArticles } from './api';

/** The knowledge base: search by part of a word in either language, filter by category and status. */
export default function KnowledgeListPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const fmt = useFormatDateTime();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<TicketCategory | undefined>();
  const [status, setStatus] = useState<ArticleStatus | undefined>();
  const pager = useCursorPager();
  const list = useArticles({ q: q || undefined, category, status, cursor: pager.cursor });
  const writer = can('knowledge.write');
  return (
    <Card
      title={t('knowledge.title')}
      extra={
        writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/knowledge/new')}>
            {t('knowledge.newArticle')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="knowledge-search"
          placeholder={t('knowledge.search')}
          onSearch={(v) => {
            setQ(v.trim());
            pager.reset();
          }}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t('knowledge.category')}
          style={{ minWidth: 160 }}
          value={category}
          onChange={(v) => {
            setCategory(v);
            pager.reset();
          }}
          options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`knowledge.categories.${c}`) }))}
        />
        {writer && (
          <Select
            allowClear
            placeholder={t('knowledge.status')}
            style={{ minWidth: 140 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              pager.reset();
            }}
            options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.statuses.${s}`) }))}
          />
        )}
      </Flex>
      <Table<ArticleDto>
        rowKey="id"
        size="middle"
        data-testid="knowledge-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('knowledge.empty') }}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('knowledge.articleTitle'),
            render: (_, a) => <Link to={`/knowledge/${a.id}`}>{articleTitle(a, i18n.language)}</Link>,
          },
          { title: t('knowledge.category'), render: (_, a) => t(`knowledge.categories.${a.category}`) },
          { title: t('knowledge.tags'), render: (_, a) => a.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          {
            title: t('knowledge.status'),
            render: (_, a) => (
              <Tag color={a.status === 'published' ? 'green' : 'default'}>
                {t(`knowledge.statuses.${a.status}`)}
              </Tag>
            ),
          },
          { title: t('knowledge.updatedAt'), render: (_, a) => fmt(a.updatedAt) },
        ]}
      />
      <Pager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} />
    </Card>
  );
}
