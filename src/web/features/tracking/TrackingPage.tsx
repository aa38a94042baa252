import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Result,
  Segmented,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { useFormatDateTime } from '../../components/format';
import { changeLocale, currentLocale, LOCALES } from '../../i18n';
import { isShipmentStatus, STATUS_COLOR } from '../shipments/labels';
import { type TimelineEvent, TrackingTimeline } from '../shipments/TrackingTimeline';

interface PublicTracking {
  waybill: string;
  status: string;
  origin: string;
  destination: string;
  promisedAt: string | null;
  promisedDate: string | null;
  deliveredAt: string | null;
  events: TimelineEvent[];
}

/** The public tracking page: no login, status and timeline only, for a phone as much as a desk. */
export default function TrackingPage() {
  const { waybill = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmt = useFormatDateTime();
  const [typed, setTyped] = useState(waybill);
  const q = useQuery({
    queryKey: ['track', waybill],
    queryFn: () => api<PublicTracking>('GET', `/track/${encodeURIComponent(waybill)}`),
    enabled: waybill.trim() !== '',
    retry: false,
  });
  const d = q.data;
  const promised = d?.promisedAt ? fmt(d.promisedAt) : (d?.promisedDate ?? null);

  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa', padding: '16px 12px' }}>
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')} · {t('track.title')}
          </Typography.Title>
          <Segmented<Locale>
            aria-label={t('language.label')}
            data-testid="track-language"
            value={currentLocale()}
            onChange={(l) => void changeLocale(l)}
            options={LOCALES.map((l) => ({
              value: l,
              label: l === 'zh-CN' ? '中文' : 'EN',
            }))}
          />
        </Flex>
        <Input.Search
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('track.searchPlaceholder')}
          enterButton={t('track.searchButton')}
          onSearch={(v) => v.trim() && navigate(`/track/${encodeURIComponent(v.trim())}`)}
          style={{ marginBottom: 12 }}
        />
        {q.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
        {q.error &&
          (isApiError(q.error, 'NOT_FOUND') || (isApiError(q.error) && q.error.status === 404) ? (
            <Result
              status="404"
              data-testid="track-not-found"
              title={t('track.notFound', { waybill })}
              subTitle={t('track.notFoundHint')}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={isApiError(q.error) && q.error.status === 429 ? t('track.tooMany') : q.error.message}
            />
          ))}
        {d && (
          <Card data-testid="track-result">
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t('track.waybill', { waybill: d.waybill })}
              </Typography.Text>
              <Tag
                data-testid="track-status"
                color={isShipmentStatus(d.status) ? STATUS_COLOR[d.status] : 'default'}
                style={{ fontSize: 14, padding: '2px 10px' }}
              >
                {isShipmentStatus(d.status) ? t(`shipmentStatus.${d.status}`) : d.status}
              </Tag>
            </Flex>
            <Typography.Paragraph style={{ margin: '8px 0' }}>
              {t('track.route', { origin: d.origin, destination: d.destination })}
            </Typography.Paragraph>
            <Descriptions size="small" column={1}>
              {promised && <Descriptions.Item label={t('track.promised')}>{promised}</Descriptions.Item>}
              {d.deliveredAt && (
                <Descriptions.Item label={t('track.delivered')}>{fmt(d.deliveredAt)}</Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5}>{t('track.timeline')}</Typography.Title>
            <TrackingTimeline events={d.events} />
          </Card>
        )}
        {!waybill && (
          <Button type="link" onClick={() => navigate('/')}>
            {t('errors.backHome')}
          </Button>
        )}
      </div>
    </div>
  );
}
