import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction } from '../../../api/types';
import { LoadError } from '../../../components/ErrorPages';
import { Pager } from '../../../components/Pager';
import { useCursorPager } from '../../../components/useCursorPager';
import { AuditTable } from './AuditTable';
import { type AuditSearchParams, useAuditSearch } from './api';

interface Filters {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (s?: string) => s?.trim() || undefined;

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Omit<AuditSearchParams, 'cursor'>>({});
  const pager = useCursorPager();
  const query = useAuditSearch({ ...filters, cursor: pager.cursor });

  const apply = (f: Filters) => {
    setFilters({
      entity: trimmed(f.entity),
      entityId: trimmed(f.entityId),
      actorId: trimmed(f.actorId),
      action: f.action,
      from: f.period?.[0]?.startOf('day').toISOString(),
      to: f.period?.[1]?.endOf('day').toISOString(),
    });
    pager.reset();
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item name="entity" label={t('audit.entity')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="actorId" label={t('audit.actorId')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={(['create', 'update', 'delete'] as const).map((a) => ({
                value: a,
                label: t(`audit.actions.${a}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('audit.period')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <AuditTable items={query.data?.items} loading={query.isFetching} />
          <Pager pager={pager} nextCursor={query.data?.nextCursor} loading={query.isFetching} />
        </>
      )}
    </>
  );
}
