import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARTNER_KINDS, type PartnerDto, type PartnerKind } from '../../../shared/partners';
import { Pager } from '../../components/Pager';
import { useCursorPager } from '../../components/useCursorPager';
import { useCan } from '../auth/api';
import { GRADE_COLOR, useExpiringQualifications, usePartners } from './api';
import { PartnerFormDialog } from './PartnerFormDialog';

/** Carriers, warehouses, customs brokers and last-mile partners with their current grade. */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<PartnerKind | undefined>();
  const [q, setQ] = useState('');
  const pager = useCursorPager();
  const list = usePartners({ kind, q, cursor: pager.cursor });
  const expiring = useExpiringQualifications();
  const [creating, setCreating] = useState(false);
  const can = useCan();
  const zh = i18n.language === 'zh-CN';
  const alerts = (partnerId: string) => {
    const mine = (expiring.data?.items ?? []).filter((x) => x.partnerId === partnerId);
    const n = (s: string) => mine.filter((x) => x.expiryState === s).length;
    return { expiring: n('expiring'), expired: n('expired') };
  };
  return (
    <Card
      title={t('partners.title')}
      extra={
        can('partners.manage') && (
          <Button
            icon={<PlusOutlined />}
            type="primary"
            onClick={() => setCreating(true)}
            data-testid="partner-create"
          >
            {t('partnerEdit.create')}
          </Button>
        )
      }
    >
      {creating && <PartnerFormDialog onClose={() => setCreating(false)} />}
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
          {
            title: t('partnerEdit.qualifications'),
            render: (_, p) => {
              const a = alerts(p.id);
              return (
                <Flex gap={4} data-testid="qualification-alerts">
                  {a.expired > 0 && (
                    <Tag color="red">{t('partnerEdit.listExpired', { count: a.expired })}</Tag>
                  )}
                  {a.expiring > 0 && (
                    <Tag color="orange">{t('partnerEdit.listWarning', { count: a.expiring })}</Tag>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      <Pager pager={pager} nextCursor={list.data?.nextCursor} loading={list.isFetching} />
    </Card>
  );
}
