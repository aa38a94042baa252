import { Card, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../components/useDebounced';
import { AccountLink, AccountSelect } from '../shipments/Lookups';
import { type CommentsParams, type NpsGroup, useSurveyComments } from './api';

const GROUPS: NpsGroup[] = ['promoter', 'passive', 'detractor'];
const TIERS = ['strategic', 'key', 'general'] as const;
const npsColor = (n: number | null) => (n === null ? undefined : n >= 9 ? 'green' : n >= 7 ? 'gold' : 'red');

/** Verbatim comments of the period with filters, paged on the server; the text is shown as text. */
export function SurveyComments({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [f, setF] = useState<Omit<CommentsParams, 'from' | 'to'>>({ page: 1, pageSize: 10 });
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const list = useSurveyComments({ from, to, ...f, q: q || undefined });
  const patch = (p: Partial<CommentsParams>) => setF((old) => ({ ...old, ...p, page: p.page ?? 1 }));
  return (
    <Card title={t('surveys.comments.title')} data-testid="survey-comments">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('surveys.comments.npsGroup')}
          value={f.npsGroup}
          onChange={(v) => patch({ npsGroup: v })}
          options={GROUPS.map((g) => ({ value: g, label: t(`surveys.${g}s`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('surveys.comments.tier')}
          value={f.tier}
          onChange={(v) => patch({ tier: v })}
          options={TIERS.map((tier) => ({ value: tier, label: t(`surveys.settings.tier.${tier}`) }))}
        />
        <AccountSelect value={f.accountId} onChange={(v) => patch({ accountId: v })} />
        <Checkbox
          checked={f.lowDimension === 'true'}
          onChange={(e) => patch({ lowDimension: e.target.checked ? 'true' : undefined })}
        >
          {t('surveys.comments.lowDimension')}
        </Checkbox>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('surveys.comments.search')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setF((old) => ({ ...old, page: 1 }));
          }}
        />
      </Flex>
      <Table
        rowKey={(c) => `${c.invitationId}:${c.questionKey}`}
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('surveys.comments.empty') }}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          onChange: (page, pageSize) => setF((old) => ({ ...old, page, pageSize })),
        }}
        columns={[
          {
            title: t('surveys.comments.submitted'),
            width: 140,
            render: (_, c) => dayjs(c.submittedAt).format('YYYY-MM-DD HH:mm'),
          },
          { title: t('surveys.comments.account'), render: (_, c) => <AccountLink id={c.accountId} /> },
          {
            title: t('surveys.comment'),
            // plain text: React escapes it
            render: (_, c) => <Typography.Paragraph style={{ margin: 0 }}>{c.text}</Typography.Paragraph>,
          },
          {
            title: t('surveys.nps'),
            align: 'right',
            render: (_, c) => (c.nps === null ? '—' : <Tag color={npsColor(c.nps)}>{c.nps}</Tag>),
          },
          { title: t('surveys.comments.lowest'), align: 'right', render: (_, c) => c.lowestRating ?? '—' },
          { title: t('surveys.waybill'), render: (_, c) => c.waybill ?? '—' },
        ]}
      />
    </Card>
  );
}
