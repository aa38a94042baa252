import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../api';
import { useVocabulary } from '../vocabulary';

/** Transport needs (modes, lanes, monthly volume) and the free-text requirements. */
export function RequirementsTab({ account }: { account: AccountDto }) {
  const { t, i18n } = useTranslation();
  const { label } = useVocabulary();
  const { modes, lanes, monthlyVolume } = account.transportNeeds;
  const none = !modes.length && !lanes.length && !monthlyVolume;
  return (
    <>
      {none ? (
        <Empty description={t('accounts.detail.noTransportNeeds')} />
      ) : (
        <Descriptions column={1} bordered size="small" data-testid="transport-needs">
          <Descriptions.Item label={t('accounts.fields.modes')}>
            <Space size={4} wrap>
              {modes.map((m) => (
                <Tag key={m} color="blue">
                  {label('transportMode', m)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('accounts.fields.lanes')}>
            {lanes.length
              ? lanes.map((l) => (
                  <div key={`${l.origin}→${l.destination}`}>
                    {l.origin} → {l.destination}
                  </div>
                ))
              : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounts.fields.monthlyVolume')}>
            {monthlyVolume
              ? t('accounts.detail.volume', {
                  amount: monthlyVolume.amount.toLocaleString(i18n.language),
                  unit: label('volumeUnit', monthlyVolume.unit),
                })
              : t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('accounts.fields.requirements')}
      </Typography.Title>
      {account.requirements ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="requirements">
          {account.requirements}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('accounts.detail.noRequirements')}</Typography.Text>
      )}
    </>
  );
}
