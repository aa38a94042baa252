import { Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARTNER_KINDS, type PartnerDto, type PartnerKind } from '../../../shared/partners';
import { Pager } from '../../components/Pager';
import { useCursorPager } from '../../components/useCursorPager';
import { GRADE_COLOR, usePartners } from './api';

/** Carriers, warehouses, customs brokers and last-mile partners with their current grade. */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<PartnerKind | undefined>();
  const [q, setQ] = useState('');
  const pager = useCursorPager();
  const list = usePartners({ kind, q, cursor: pager.cursor });
  const zh = i18n.language === 'zh-CN';
  return (
    <Card title={t('partners.title')}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('partners.search')}
          onSearch={(v) => {
            setQ(v.trim());
            pager.reset();
          }}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('partners.kind')}
          style={{ minWidth: 160 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            pager.reset();
          }}
          options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
        />
      </Flex>
      <Table<PartnerDto>
        rowKey="id"
        size="middle"
        data-testid="partners-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t('partners.code'), render: (_, p) => <Link to={`/partners/${p.id}`}>{p.code}</Link> },
          {
            title: t('partners.name'),
            render: (_, p) => (zh ? (p.nameZh ?? p.nameEn) : (p.nameEn ?? p.nameZh)),
          },
          { title: t('partners.kind'), render: (_, p) => t(`partners.kinds.${p.kind}`) },
          { title: t('partners.modes'), render: (_, p) => p.modes.join(', ') },
          { title: t('partners.status'), render: (_, p) => t(`partners.statuses.${p.status}`) },
          {
            title: t('partners.grade'),
            render: (_, p) => (
              <Flex gap={4}>
                {p.grade ? <Tag color={GRADE_COLOR[p.grade]}>{p.grade}</Tag> : t('common.none')}
                {p.exitWarning && <Tag color="red">{t('partners.exitWarning')}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      <Pager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} />
    </Card>
  );
}
