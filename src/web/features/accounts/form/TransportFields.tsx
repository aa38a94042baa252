import { ArrowRightOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/customers/accountSchemas';
import { useVocabulary } from '../vocabulary';

/** Transport needs: modes, lanes as origin → destination rows, expected monthly volume with its unit. */
export function TransportFields() {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const base = ['account', 'transportNeeds'];
  return (
    <>
      <Divider titlePlacement="start">{t('accounts.form.transport')}</Divider>
      <Form.Item name={[...base, 'modes']} label={t('accounts.fields.modes')}>
        <Select mode="multiple" allowClear options={options('transportMode')} data-testid="field-modes" />
      </Form.Item>
      <Form.Item label={t('accounts.fields.lanes')} style={{ marginBottom: 8 }}>
        <Form.List name={[...base, 'lanes']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'origin']} style={{ flex: 1, marginBottom: 8 }}>
                    <Input placeholder={t('accounts.form.origin')} maxLength={LIMITS.laneEnd} />
                  </Form.Item>
                  <ArrowRightOutlined />
                  <Form.Item name={[f.name, 'destination']} style={{ flex: 1, marginBottom: 8 }}>
                    <Input placeholder={t('accounts.form.destination')} maxLength={LIMITS.laneEnd} />
                  </Form.Item>
                  <MinusCircleOutlined
                    onClick={() => remove(f.name)}
                    aria-label={t('accounts.form.removeContact')}
                  />
                </Flex>
              ))}
              {fields.length < LIMITS.lanes && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ origin: '', destination: '' })}
                >
                  {t('accounts.form.addLane')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('accounts.fields.monthlyVolume')}>
        <Space.Compact>
          <Form.Item name={[...base, 'monthlyVolume', 'amount']} noStyle>
            <InputNumber
              min={0}
              max={LIMITS.monthlyVolume}
              placeholder={t('accounts.form.amount')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name={[...base, 'monthlyVolume', 'unit']} noStyle>
            <Select
              options={options('volumeUnit')}
              style={{ width: 120 }}
              aria-label={t('accounts.form.unit')}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
    </>
  );
}
