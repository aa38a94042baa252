import { Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/customers/accountSchemas';
import { useVocabulary } from '../vocabulary';

/** Company and classification fields of the account form (names under `account.`). */
export function AccountFields({ ownerField }: { ownerField: React.ReactNode }) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const name = (f: string) => ['account', f];
  const half = { xs: 24, sm: 12 };
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('accounts.form.company')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={name('nameZh')} label={t('accounts.fields.nameZh')}>
            <Input maxLength={LIMITS.name} data-testid="field-nameZh" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('nameEn')} label={t('accounts.fields.nameEn')}>
            <Input maxLength={LIMITS.name} data-testid="field-nameEn" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('creditCode')} label={t('accounts.fields.creditCode')}>
            <Input maxLength={24} style={{ fontFamily: 'monospace' }} data-testid="field-creditCode" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name={name('code')}
            label={t('accounts.fields.code')}
            extra={t('accounts.form.codeHelp')}
          >
            <Input maxLength={LIMITS.code} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('industry')} label={t('accounts.fields.industry')}>
            <Select allowClear options={options('industry')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('size')} label={t('accounts.fields.size')}>
            <Select allowClear options={options('size')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('province')} label={t('accounts.fields.province')}>
            <Input maxLength={LIMITS.province} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('city')} label={t('accounts.fields.city')}>
            <Input maxLength={LIMITS.city} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={name('address')} label={t('accounts.fields.address')}>
            <Input maxLength={LIMITS.address} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('accounts.form.classification')}</Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={name('status')} label={t('accounts.fields.status')}>
            <Select options={options('status')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('tier')} label={t('accounts.fields.tier')}>
            <Select options={options('tier')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('lifecycleStage')} label={t('accounts.fields.lifecycleStage')}>
            <Select allowClear options={options('lifecycleStage')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={name('source')} label={t('accounts.fields.source')}>
            <Select allowClear options={options('source')} />
          </Form.Item>
        </Col>
        <Col {...half}>{ownerField}</Col>
        <Col {...half}>
          <Form.Item name={name('creditTermsDays')} label={t('accounts.fields.creditTermsDays')}>
            <InputNumber min={0} max={LIMITS.creditTermsDays} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name={name('tags')}
            label={t('accounts.fields.tags')}
            extra={t('accounts.form.tagsHelp')}
          >
            <Select mode="tags" open={false} maxCount={LIMITS.tags} tokenSeparators={[',', '，']} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
