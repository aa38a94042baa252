import { QuestionCircleOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popover,
  Select,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_TIERS, type ServiceTier } from '../../../shared/analytics';
import { useCan } from '../auth/api';
import { type SegmentDto, useAccountSegments, useAnalyticsSettings, useSetTier } from './api';
import { churnWhy, lifecycleWhy, money, segmentLabel } from './labels';
import { RetentionTaskButton } from './RetentionTaskButton';

/** A badge whose "why" opens on hover or tap. */
function Why({ children, why, testId }: { children: ReactNode; why: ReactNode; testId: string }) {
  return (
    <Tooltip title={why}>
      <Tag data-testid={testId} style={{ cursor: 'help' }}>
        {children} <QuestionCircleOutlined />
      </Tag>
    </Tooltip>
  );
}

/** The account's segments in the current snapshot on its 360° page, each with the reason behind it. */
export function AnalyticsBadges({ account }: { account: { id: string; version: number; tier: string } }) {
  const { t, i18n } = useTranslation();
  const data = useAccountSegments(account.id);
  const settings = useAnalyticsSettings();
  if (!data.data) return null;
  const s = data.data.segment;
  const st = settings.data?.settings;
  const locale = i18n.language;
  return (
    <Card
      size="small"
      title={t('analytics.badges.title')}
      style={{ marginBottom: 16 }}
      data-testid="analytics-badges"
    >
      {!data.data.run ? (
        <Typography.Text type="secondary">{t('analytics.badges.noRun')}</Typography.Text>
      ) : !s ? (
        <Typography.Text type="secondary">
          {t('analytics.badges.none', { date: data.data.run.asOf })}
        </Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Space size={[4, 8]} wrap>
            <Why
              testId="badge-abc"
              why={t('analytics.badges.abcWhy', {
                basis: t(`analytics.badges.basis.${st?.abcBasis ?? 'revenue'}`),
                a: st?.abcA,
                b: st?.abcB,
              })}
            >
              {t('analytics.badges.abc', { abc: s.abcClass })}
            </Why>
            <Why
              testId="badge-rfm"
              why={t('analytics.badges.rfmWhy', { ...s, monetary: money(s.monetary, locale) })}
            >
              {t('analytics.badges.rfm', {
                r: s.rScore,
                f: s.fScore,
                m: s.mScore,
                segment: segmentLabel(t, 'rfm', s.rfmSegment),
              })}
            </Why>
            <Why testId="badge-stage" why={lifecycleWhy(t, s.lifecycleReason)}>
              {t(`analytics.stage.${s.lifecycleStage}`)}
            </Why>
            <Why
              testId="badge-quadrant"
              why={t('analytics.badges.quadrantWhy', {
                current: money(s.currentValue, locale),
                clv: money(s.clv12m, locale),
              })}
            >
              {t(`analytics.quadrant.${s.valueQuadrant}`)}
            </Why>
          </Space>
          <Flex gap={24} wrap>
            <Statistic
              title={
                <Popover
                  content={
                    <Flex vertical>
                      {s.churnReasons.map((r) => (
                        <span key={r.code}>{churnWhy(t, r)}</span>
                      ))}
                    </Flex>
                  }
                >
                  <span data-testid="badge-churn">
                    {t('analytics.badges.churnRisk')} <QuestionCircleOutlined />
                  </span>
                </Popover>
              }
              value={s.churnRisk}
              suffix="/ 100"
            />
            <Statistic title={t('analytics.badges.pAlive')} value={Math.round(s.pAlive * 100)} suffix="%" />
            <Statistic title={t('analytics.badges.clv')} value={money(s.clv12m, locale)} prefix="¥" />
            <Statistic title={t('analytics.badges.expected90d')} value={s.expected90d.toFixed(1)} />
            <Statistic
              title={t('analytics.badges.expectedAvg')}
              value={money(s.expectedAvgRevenue, locale)}
              prefix="¥"
            />
          </Flex>
          <Flex gap={8} wrap align="center">
            <TierDecision account={account} segment={s} />
            <RetentionTaskButton segment={s} />
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

/** Accept the suggested tier, or set another with a reason (managers; audited). */
function TierDecision({
  account,
  segment,
}: {
  account: { id: string; version: number; tier: string };
  segment: SegmentDto;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const save = useSetTier(account.id);
  const [tier, setTier] = useState<ServiceTier | null>(null);
  const [reason, setReason] = useState('');
  const suggested = segment.suggestedTier;
  const submit = (body: { tier: ServiceTier; reason?: string }) =>
    save.mutate(
      { version: account.version, ...body },
      {
        onSuccess: () => {
          message.success(t('analytics.badges.tierSaved'));
          setTier(null);
        },
        onError: (e) => message.error(e.message),
      },
    );
  return (
    <Space wrap>
      <Tag color="blue" data-testid="suggested-tier">
        {t('analytics.badges.suggestedTier', { tier: t(`analytics.tier.${suggested}`) })}
      </Tag>
      {can('accounts.tier') && account.tier !== suggested && (
        <Button size="small" loading={save.isPending} onClick={() => submit({ tier: suggested })}>
          {t('analytics.badges.acceptTier')}
        </Button>
      )}
      {can('accounts.tier') && (
        <>
          <Select
            size="small"
            style={{ width: 120 }}
            placeholder={t('analytics.badges.overrideTier')}
            value={tier}
            onChange={setTier}
            options={SERVICE_TIERS.map((x) => ({ value: x, label: t(`analytics.tier.${x}`) }))}
          />
          {tier && (
            <>
              <Input
                size="small"
                style={{ width: 220 }}
                placeholder={t('analytics.badges.tierReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button
                size="small"
                type="primary"
                loading={save.isPending}
                onClick={() => submit({ tier, reason })}
              >
                OK
              </Button>
            </>
          )}
        </>
      )}
    </Space>
  );
}
