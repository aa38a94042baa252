import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorPages';
import { applyApiError } from '../../components/formErrors';
import { useCan } from '../auth/api';
import {
  type Dimension,
  type SurveyQuestion,
  type SurveyTemplate,
  useSaveTemplate,
  useSurveyTemplates,
} from './api';
import { TemplatePreview } from './TemplatePreview';

const TYPES: SurveyQuestion['type'][] = ['rating', 'importance', 'nps', 'single', 'multiple', 'text'];
const DIMENSIONS: Dimension[] = [
  'service_attitude',
  'delivery_speed',
  'cargo_safety',
  'price',
  'information',
];

type Values = Pick<SurveyTemplate, 'nameZh' | 'nameEn' | 'questions' | 'csiWeights'>;

function OptionsList({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[name, 'options']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((f) => (
            <Flex key={f.key} gap={4}>
              <Form.Item name={[f.name, 'key']} noStyle>
                <Input placeholder={t('surveys.editor.key')} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'textZh']} noStyle>
                <Input placeholder="中文" />
              </Form.Item>
              <Form.Item name={[f.name, 'textEn']} noStyle>
                <Input placeholder="English" />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
            </Flex>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ key: '', textZh: '', textEn: '' })}
          >
            {t('surveys.editor.addOption')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/**
 * The template editor with a live preview. Saving a template someone was invited to makes a new
 * revision (the server decides; old answers keep their questions).
 */
export default function TemplateEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editable = useCan()('surveys.manage');
  const list = useSurveyTemplates();
  const save = useSaveTemplate();
  const [id, setId] = useState<string | null>(null);
  const [locale, setLocale] = useState<'zh-CN' | 'en-US'>('zh-CN');
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const questions = (Form.useWatch('questions', form) ?? []) as SurveyQuestion[];
  const current = list.data?.items.find((x) => x.id === id) ?? list.data?.items[0];
  useEffect(() => {
    if (current) form.setFieldsValue(current);
  }, [current, form]);
  if (list.isPending) return <Skeleton active />;
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (!current) return null;
  const onFinish = (v: Values) => {
    setError(null);
    save.mutate(
      { id: current.id, version: current.version, ...v, csiWeights: v.csiWeights ?? {} },
      {
        onSuccess: (saved) => {
          setId(saved.id);
          void message.success(t('surveys.editor.savedRevision', { revision: saved.revision }));
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card
          title={t('surveys.editor.title')}
          extra={
            <Select
              value={current.id}
              style={{ minWidth: 220 }}
              onChange={setId}
              options={list.data.items.map((x) => ({
                value: x.id,
                label: locale === 'zh-CN' ? x.nameZh : x.nameEn,
              }))}
            />
          }
        >
          <Typography.Paragraph type="secondary">
            {t('surveys.editor.revision', { revision: current.revision })}{' '}
            {current.inUse && <Tag color="blue">{t('surveys.editor.inUse')}</Tag>}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" disabled={!editable} onFinish={onFinish}>
            <Flex gap={8}>
              <Form.Item name="nameZh" label={t('surveys.editor.nameZh')} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item name="nameEn" label={t('surveys.editor.nameEn')} style={{ flex: 1 }}>
                <Input />
              </Form.Item>
            </Flex>
            <Form.List name="questions">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => {
                    const type = questions[f.name]?.type;
                    return (
                      <Card
                        key={f.key}
                        size="small"
                        extra={<Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                      >
                        <Flex gap={8} wrap>
                          <Form.Item name={[f.name, 'key']} label={t('surveys.editor.key')}>
                            <Input style={{ width: 150 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'type']} label={t('surveys.editor.type')}>
                            <Select
                              style={{ width: 150 }}
                              options={TYPES.map((x) => ({
                                value: x,
                                label: t(`surveys.editor.types.${x}`),
                              }))}
                            />
                          </Form.Item>
                          {(type === 'rating' || type === 'importance') && (
                            <Form.Item name={[f.name, 'dimension']} label={t('surveys.editor.dimension')}>
                              <Select
                                style={{ width: 200 }}
                                options={[
                                  ...DIMENSIONS,
                                  ...(type === 'rating' ? (['overall'] as const) : []),
                                ].map((d) => ({
                                  value: d,
                                  label: d === 'overall' ? t('surveys.overall') : t(`surveys.dimension.${d}`),
                                }))}
                              />
                            </Form.Item>
                          )}
                          <Form.Item
                            name={[f.name, 'required']}
                            label={t('surveys.editor.required')}
                            valuePropName="checked"
                          >
                            <Switch />
                          </Form.Item>
                        </Flex>
                        <Form.Item name={[f.name, 'textZh']} label="中文">
                          <Input />
                        </Form.Item>
                        <Form.Item name={[f.name, 'textEn']} label="English">
                          <Input />
                        </Form.Item>
                        {(type === 'single' || type === 'multiple') && <OptionsList name={f.name} />}
                      </Card>
                    );
                  })}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ key: '', type: 'text', textZh: '', textEn: '', required: false })}
                  >
                    {t('surveys.editor.addQuestion')}
                  </Button>
                </Flex>
              )}
            </Form.List>
            <Typography.Title level={5}>{t('surveys.editor.weights')}</Typography.Title>
            <Flex gap={8} wrap>
              {DIMENSIONS.map((d) => (
                <Form.Item key={d} name={['csiWeights', d]} label={t(`surveys.dimension.${d}`)}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
              ))}
            </Flex>
            {editable && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card
          title={t('surveys.editor.preview')}
          extra={<Segmented value={locale} onChange={setLocale} options={['zh-CN', 'en-US']} />}
        >
          <TemplatePreview questions={questions} locale={locale} />
        </Card>
      </Col>
    </Row>
  );
}
