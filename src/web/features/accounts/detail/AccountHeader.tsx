import { Card, Col, Descriptions, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail } from '../api';
import { StatusTag, TierTag, useVocabulary } from '../vocabulary';

/** Names, code, classification, owner, tags and the key figures of the 360° page. */
export function AccountHeader({ detail, actions }: { detail: AccountDetail; actions: ReactNode }) {
  const { t } = useTranslation();
  const { label } = useVocabulary();
  const { account: a, figures } = detail;
  const figureLabels: Record<string, string> = t('accounts.figures', { returnObjects: true });
  return (
    <Card style={{ marginBottom: 16 }} data-testid="account-header">
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" copyable>
            {a.code}
          </Typography.Text>
          <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="account-name">
            {a.nameZh ?? a.nameEn}
          </Typography.Title>
          {a.nameZh && a.nameEn && <Typography.Text type="secondary">{a.nameEn}</Typography.Text>}
          <Space size={4} wrap style={{ display: 'flex', marginTop: 8 }}>
            <StatusTag status={a.status} />
            <TierTag tier={a.tier} />
            {a.lifecycleStage && <Tag color="cyan">{label('lifecycleStage', a.lifecycleStage)}</Tag>}
            {a.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        </div>
        <Space wrap>{actions}</Space>
      </Flex>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('accounts.fields.ownerId')}>
              <span data-testid="account-owner">{a.ownerName ?? t('accounts.detail.unassigned')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.creditCode')}>
              {a.creditCode ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.industry')}>
              {label('industry', a.industry)}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.size')}>{label('size', a.size)}</Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.city')}>
              {[a.province, a.city].filter(Boolean).join(' · ') || t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.source')}>
              {label('source', a.source)}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.creditTermsDays')}>
              {a.creditTermsDays ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.fields.address')}>
              {a.address ?? t('common.none')}
            </Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} lg={8}>
          <Flex gap={24} wrap data-testid="account-figures">
            {Object.entries(figures).map(([key, value]) => (
              <Statistic key={key} title={figureLabels[key] ?? key} value={value ?? t('common.none')} />
            ))}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
