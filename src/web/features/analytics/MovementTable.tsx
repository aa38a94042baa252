import { Empty, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMovements, useRuns } from './api';
import { type Dimension, segmentLabel } from './labels';

const DIMENSIONS: Dimension[] = ['rfm', 'abc', 'stage', 'quadrant', 'tier'];

/** How many accounts moved from each segment to each other between an earlier run and the current one. */
export function MovementTable({ currentRunId }: { currentRunId: string }) {
  const { t } = useTranslation();
  const runs = useRuns();
  const earlier = (runs.data?.items ?? []).filter((r) => r.status === 'succeeded' && r.id !== currentRunId);
  const [from, setFrom] = useState<string>();
  const [by, setBy] = useState<Dimension>('stage');
  const chosen = from ?? earlier[0]?.id;
  const moves = useMovements(chosen, by);
  if (!earlier.length) return <Empty description={t('analytics.movementNone')} />;
  const cells = (moves.data?.cells ?? []).filter((c) => c.from !== c.to);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {t('analytics.movementFrom')}
        <Select
          value={chosen}
          onChange={setFrom}
          style={{ width: 160 }}
          options={earlier.map((r) => ({ value: r.id, label: r.asOf }))}
        />
        {t('analytics.movementBy')}
        <Select
          value={by}
          onChange={setBy}
          style={{ width: 160 }}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.dimension.${d}`) }))}
        />
      </Space>
      <Table
        size="small"
        rowKey={(c) => `${c.from}→${c.to}`}
        loading={moves.isFetching}
        dataSource={cells}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        data-testid="movement-table"
        columns={[
          {
            title: t('analytics.movementFrom'),
            dataIndex: 'from',
            render: (v: string) => segmentLabel(t, by, v),
          },
          { title: '→', dataIndex: 'to', render: (v: string) => segmentLabel(t, by, v) },
          { title: t('analytics.accounts'), dataIndex: 'accounts', align: 'right' },
        ]}
      />
    </>
  );
}
