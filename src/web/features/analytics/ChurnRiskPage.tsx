import { Alert, Button, Flex, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIFECYCLE_STAGES } from '../../../shared/analytics';
import { isApiError } from '../../api/client';
import { LoadError } from '../../components/ErrorPages';
import { type SegmentDto, type SegmentFilters, useSegments } from './api';
import { churnWhy, lifecycleWhy } from './labels';
import { RetentionTaskButton } from './RetentionTaskButton';

const riskColor = (risk: number) => (risk >= 70 ? '#cf1322' : risk >= 40 ? '#d48806' : '#389e0d');

/** Accounts of the current snapshot by churn risk, highest first, with the reasons and a retention task. */
export default function ChurnRiskPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<SegmentFilters>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const list = useSegments(filters, cursors[cursors.length - 1]);
  const setFilter = (f: SegmentFilters) => {
    setFilters({ ...filters, ...f });
    setCursors([null]);
  };
  if (list.error && !isApiError(list.error, 'NOT_FOUND'))
    return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Typography.Title level={3}>{t('analytics.churn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('analytics.churn.intro')}</Typography.Paragraph>
      {list.error ? (
        <Alert type="info" showIcon title={t('analytics.noRun')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {t('analytics.churn.minRisk')}
            <InputNumber
              min={0}
              max={100}
              value={filters.riskMin}
              onChange={(v) => setFilter({ riskMin: v ?? undefined })}
              data-testid="risk-min"
            />
            <Select
              allowClear
              placeholder={t('analytics.churn.stage')}
              style={{ width: 180 }}
              value={filters.stage}
              onChange={(v) => setFilter({ stage: v })}
              options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`analytics.stage.${s}`) }))}
            />
          </Space>
          <Table<SegmentDto>
            rowKey="accountId"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            pagination={false}
            data-testid="churn-list"
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('analytics.churn.account'),
                render: (_, s) => (
                  <Link to={`/accounts/${s.accountId}`} data-testid={`churn-account-${s.code}`}>
                    {s.name ?? s.code}
                  </Link>
                ),
              },
              {
                title: t('analytics.churn.risk'),
                dataIndex: 'churnRisk',
                width: 140,
                render: (v: number) => (
                  <Progress percent={v} size="small" strokeColor={riskColor(v)} format={(p) => p} />
                ),
              },
              {
                title: t('analytics.churn.reasons'),
                render: (_, s) => (
                  <Flex vertical gap={2}>
                    {s.churnReasons.map((r) => (
                      <Typography.Text key={r.code} style={{ fontSize: 13 }}>
                        {churnWhy(t, r)}
                      </Typography.Text>
                    ))}
                  </Flex>
                ),
              },
              {
                title: t('analytics.churn.stage'),
                render: (_, s) => (
                  <Tag title={lifecycleWhy(t, s.lifecycleReason)}>
                    {t(`analytics.stage.${s.lifecycleStage}`)}
                  </Tag>
                ),
              },
              {
                title: t('analytics.churn.owner'),
                render: (_, s) => s.ownerName ?? t('analytics.churn.unassigned'),
              },
              { title: '', width: 150, render: (_, s) => <RetentionTaskButton segment={s} size="small" /> },
            ]}
          />
          {list.data?.nextCursor && (
            <Button
              style={{ marginTop: 12 }}
              onClick={() => setCursors([...cursors, list.data?.nextCursor ?? null])}
            >
              {t('analytics.churn.more')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
