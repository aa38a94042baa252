import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/customers/accountSchemas';
import { useVocabulary } from '../vocabulary';

type Path = (string | number)[];

/** The fields of one contact under `prefix` (a Form.List item, or nothing for a contact dialog). */
export function ContactFields({
  prefix = [],
  testId,
  onPrimary,
}: {
  prefix?: Path;
  testId?: string;
  /** Called when this contact is ticked as the primary one. */
  onPrimary?: () => void;
}) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const name = (f: string) => [...prefix, f];
  const half = { xs: 24, sm: 12 };
  return (
    <Row gutter={16} data-testid={testId}>
      <Col {...half}>
        <Form.Item
          name={name('name')}
          label={t('accounts.contactFields.name')}
          rules={[{ required: true, whitespace: true, message: t('accounts.form.contactNameRequired') }]}
        >
          <Input maxLength={LIMITS.contactName} data-testid="contact-name" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={name('title')} label={t('accounts.contactFields.title')}>
          <Input maxLength={LIMITS.title} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name={name('mobile')}
          label={t('accounts.contactFields.mobile')}
          tooltip={t('accounts.form.mobileHelp')}
        >
          <Input inputMode="tel" data-testid="contact-mobile" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={name('phone')} label={t('accounts.contactFields.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={name('email')} label={t('accounts.contactFields.email')}>
          <Input inputMode="email" data-testid="contact-email" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={name('wechatId')} label={t('accounts.contactFields.wechatId')}>
          <Input maxLength={LIMITS.wechatId} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={name('preferredChannel')} label={t('accounts.contactFields.preferredChannel')}>
          <Select allowClear options={options('preferredChannel')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={name('isPrimary')} valuePropName="checked" label=" " colon={false}>
          <Checkbox onChange={(e) => e.target.checked && onPrimary?.()}>
            {t('accounts.contactFields.isPrimary')}
          </Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The contacts entered together with a new account (`contacts[]`). */
export function ContactsListFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  // One primary: ticking one unticks the others.
  const onlyPrimary = (index: number) => {
    const count = ((form.getFieldValue('contacts') ?? []) as unknown[]).length;
    for (let i = 0; i < count; i++) if (i !== index) form.setFieldValue(['contacts', i, 'isPrimary'], false);
  };
  return (
    <>
      <Divider titlePlacement="start">{t('accounts.form.contacts')}</Divider>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                extra={
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                  >
                    {t('accounts.form.removeContact')}
                  </Button>
                }
              >
                <ContactFields
                  prefix={[f.name]}
                  testId={`contact-${f.name}`}
                  onPrimary={() => onlyPrimary(f.name)}
                />
              </Card>
            ))}
            {fields.length < LIMITS.contacts && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', isPrimary: fields.length === 0 })}
              >
                {t('accounts.form.addContact')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
