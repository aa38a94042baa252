import { Alert, Card, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../components/format';
import { useOrganization } from '../admin/organization/api';
import { useCan, useCurrentSession } from '../auth/api';

/** What the signed-in user is and may do, and how the organisation is set up — all from the server. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, permissions } = useCurrentSession();
  const can = useCan();
  const org = useOrganization(can('org.read'));
  const fmt = useFormatDateTime();

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-welcome">
        {t('home.welcome', { name: user.name })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.yourAccount')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.email')}>{user.email}</Descriptions.Item>
              <Descriptions.Item label={t('home.role')}>
                <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.lastLogin')}>
                {fmt(user.lastLoginAt, t('common.never'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('home.memberSince')}>{fmt(user.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('home.whatYouCanDo')}
            </Typography.Title>
            <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }} data-testid="home-permissions">
              {permissions.map((p) => (
                <li key={p}>{t(`permissions.${p}`)}</li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.organization')} style={{ height: '100%' }} data-testid="home-organization">
            {!can('org.read') ? (
              <Typography.Text type="secondary">{t('home.noOrgAccess')}</Typography.Text>
            ) : org.isPending ? (
              <Skeleton active />
            ) : org.error ? (
              <Alert type="error" showIcon title={org.error.message} />
            ) : (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('home.orgName')}>{org.data.name}</Descriptions.Item>
                <Descriptions.Item label={t('home.timezone')}>{org.data.settings.timezone}</Descriptions.Item>
                <Descriptions.Item label={t('home.currency')}>{org.data.settings.currency}</Descriptions.Item>
                <Descriptions.Item label={t('home.defaultLocale')}>
                  {t(`language.${org.data.settings.defaultLocale}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('home.sessionIdle')}>
                  {t('home.minutes', { count: org.data.settings.sessionIdleMinutes })}
                </Descriptions.Item>
                <Descriptions.Item label={t('home.sessionAbsolute')}>
                  {t('home.hours', { count: org.data.settings.sessionAbsoluteHours })}
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
