import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import type { Locale, OrganizationDto, OrganizationSettings } from '../../../api/types';
import { ConflictPanel } from '../../../components/ConflictPanel';
import { LoadError } from '../../../components/ErrorPages';
import { useFormatDateTime } from '../../../components/format';
import { applyApiError } from '../../../components/formErrors';
import { LOCALES } from '../../../i18n';
import { useCan } from '../../auth/api';
import { RecordHistoryDrawer } from '../audit/RecordHistoryDrawer';
import { useOrganization, useUpdateOrganization } from './api';

interface Values {
  name: string;
  settings: OrganizationSettings;
}

const toValues = (o: OrganizationDto): Values => ({ name: o.name, settings: { ...o.settings } });

export default function OrganizationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useFormatDateTime();
  const can = useCan();
  const editable = can('org.manage');
  const [historyOpen, setHistoryOpen] = useState(false);
  const org = useOrganization();
  const update = useUpdateOrganization();
  const [form] = Form.useForm<Values>();
  // The version the form was filled from; a save sends it so a concurrent change is caught (409).
  const [base, setBase] = useState<OrganizationDto | null>(null);
  const [conflict, setConflict] = useState<OrganizationDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timezones = useMemo(
    () => Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })),
    [],
  );

  useEffect(() => {
    if (org.data && !base) {
      setBase(org.data);
      form.setFieldsValue(toValues(org.data));
    }
  }, [org.data, base, form]);

  if (org.isPending) return <Skeleton active />;
  if (org.error) return <LoadError error={org.error} onRetry={() => void org.refetch()} />;

  const save = (v: Values) => {
    if (!base) return;
    setError(null);
    update.mutate(
      { version: base.version, name: v.name, settings: v.settings },
      {
        onSuccess: (saved) => {
          setBase(saved);
          form.setFieldsValue(toValues(saved));
          message.success(t('common.saved'));
        },
        onError: (e) => {
          if (isApiError(e, 'VERSION_CONFLICT') && e.current)
            setConflict(e.current as unknown as OrganizationDto);
          else setError(applyApiError(form, e));
        },
      },
    );
  };

  const loadCurrent = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setFieldsValue(toValues(conflict));
    setConflict(null);
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('organization.title')}
      </Typography.Title>
      <Card style={{ maxWidth: 720 }}>
        {!editable && (
          <Alert type="info" showIcon title={t('organization.readOnly')} style={{ marginBottom: 16 }} />
        )}
        {conflict && base && (
          <ConflictPanel
            base={base}
            current={conflict}
            onLoadCurrent={loadCurrent}
            fields={[
              { path: 'name', label: t('organization.name') },
              { path: 'settings.timezone', label: t('organization.timezone') },
              { path: 'settings.currency', label: t('organization.currency') },
              {
                path: 'settings.defaultLocale',
                label: t('organization.defaultLocale'),
                format: (l) => t(`language.${l as Locale}`),
              },
              { path: 'settings.sessionIdleMinutes', label: t('organization.sessionIdleMinutes') },
              { path: 'settings.sessionAbsoluteHours', label: t('organization.sessionAbsoluteHours') },
            ]}
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" disabled={!editable} onFinish={save} requiredMark={false}>
          <Form.Item
            name="name"
            label={t('organization.name')}
            rules={[{ required: true, whitespace: true, message: t('organization.nameRequired') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name={['settings', 'timezone']}
            label={t('organization.timezone')}
            extra={t('organization.timezoneHelp')}
          >
            <Select showSearch options={timezones} />
          </Form.Item>
          <Form.Item
            name={['settings', 'currency']}
            label={t('organization.currency')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[{ pattern: /^[A-Z]{3}$/, message: t('organization.currencyInvalid') }]}
          >
            <Input maxLength={3} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={['settings', 'defaultLocale']} label={t('organization.defaultLocale')}>
            <Select
              options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item name={['settings', 'sessionIdleMinutes']} label={t('organization.sessionIdleMinutes')}>
            <InputNumber min={5} max={24 * 60} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name={['settings', 'sessionAbsoluteHours']}
            label={t('organization.sessionAbsoluteHours')}
          >
            <InputNumber min={1} max={24 * 30} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('partnerEdit.scoreWeights')} extra={t('partnerEdit.scoreWeightsHelp')}>
            <Flex gap={8} wrap>
              {(['onTime', 'intact', 'satisfaction', 'price'] as const).map((k) => (
                <Form.Item key={k} name={['settings', 'partnerScoreWeights', k]} noStyle>
                  <InputNumber
                    min={0}
                    max={100}
                    prefix={t(
                      `partnerEdit.weight${k[0].toUpperCase()}${k.slice(1)}` as 'partnerEdit.weightPrice',
                    )}
                    aria-label={k}
                    style={{ width: 150 }}
                  />
                </Form.Item>
              ))}
            </Flex>
          </Form.Item>
          {editable && (
            <Button type="primary" htmlType="submit" loading={update.isPending} disabled={!!conflict}>
              {t('common.save')}
            </Button>
          )}
        </Form>
        {base && (
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t('organization.updatedAt', { time: fmt(base.updatedAt) })}
            </Typography.Text>
            {can('audit.record') && (
              <Button type="link" onClick={() => setHistoryOpen(true)}>
                {t('organization.history')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <RecordHistoryDrawer
        entity="organization"
        entityId={historyOpen ? base?.id : undefined}
        title={t('organization.historyTitle')}
        onClose={() => setHistoryOpen(false)}
      />
    </>
  );
}
