import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../components/ErrorPages';
import { type AccountSummary, type DuplicatePair, useDuplicatePairs } from '../api';
import { EvidenceTags, ScoreTag } from '../EvidenceTags';
import { accountName } from '../vocabulary';
import { ComparePair } from './ComparePair';

const pairKey = (p: DuplicatePair) => `${p.a.id}:${p.b.id}`;

/** Candidate duplicate pairs with their evidence; each opens into a side-by-side compare with the merge. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const pairs = useDuplicatePairs();
  const account = (s: AccountSummary) => (
    <Space size={4} wrap>
      <Link to={`/accounts/${s.id}`} onClick={(e) => e.stopPropagation()}>
        {s.code}
      </Link>
      <span>{accountName(s)}</span>
      {s.archivedAt && <Tag>{t('accounts.duplicates.archivedTag')}</Tag>}
    </Space>
  );
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('accounts.duplicates.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('accounts.duplicates.intro')}</Typography.Paragraph>
      {pairs.error ? (
        <LoadError error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : (
        <Table<DuplicatePair>
          rowKey={pairKey}
          data-testid="duplicates-table"
          loading={pairs.isFetching}
          dataSource={pairs.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('accounts.duplicates.empty') }}
          expandable={{
            expandRowByClick: true,
            expandedRowRender: (p) => <ComparePair pair={p} />,
          }}
          columns={[
            {
              title: t('accounts.duplicates.pair'),
              key: 'pair',
              render: (_, p) => (
                <Space direction="vertical" size={2}>
                  {account(p.a)}
                  {account(p.b)}
                </Space>
              ),
            },
            {
              title: t('accounts.duplicates.scoreColumn'),
              dataIndex: 'score',
              render: (s: number) => <ScoreTag score={s} />,
            },
            {
              title: t('accounts.duplicates.evidenceColumn'),
              dataIndex: 'evidence',
              render: (_, p) => <EvidenceTags evidence={p.evidence} />,
            },
          ]}
        />
      )}
    </>
  );
}
