import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { TICKET_CATEGORIES } from '../../../shared/servicedesk/enums';
import { isApiError } from '../../api/client';
import { ConflictPanel } from '../../components/ConflictPanel';
import { applyApiError } from '../../components/formErrors';
import { ArticleText } from './ArticleText';
import { type ArticleDto, type ArticleInput, type ArticleStatus, useArticle, useSaveArticle } from './api';

const EMPTY: ArticleInput = {
  titleZh: '',
  titleEn: '',
  bodyZh: '',
  bodyEn: '',
  category: 'other',
  tags: [],
  status: 'draft',
};
const pick = (a: ArticleDto): ArticleInput => ({
  titleZh: a.titleZh,
  titleEn: a.titleEn,
  bodyZh: a.bodyZh,
  bodyEn: a.bodyEn,
  category: a.category,
  tags: a.tags,
  status: a.status,
});

/** A body field with its rendered preview beside it, as readers will see it. */
function BodyWithPreview({ name, label }: { name: 'bodyZh' | 'bodyEn'; label: string }) {
  const { t } = useTranslation();
  const text: string = Form.useWatch(name, Form.useFormInstance()) ?? '';
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Form.Item name={name} label={label} extra={t('knowledge.markupHint')}>
          <Input.TextArea rows={14} data-testid={`article-${name}`} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text type="secondary">{t('knowledge.preview')}</Typography.Text>
        <Card size="small" style={{ marginTop: 8, minHeight: 120 }} data-testid={`article-${name}-preview`}>
          <ArticleText text={text} />
        </Card>
      </Col>
    </Row>
  );
}

/** Writes a new article or edits one (with the version read), as a draft or published. */
export default function ArticleEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const existing = useArticle(id);
  const save = useSaveArticle();
  const [form] = Form.useForm<ArticleInput>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ArticleDto | null>(null);
  if (id && existing.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (id && existing.isError) return <Alert type="error" showIcon message={existing.error.message} />;
  const base = existing.data;

  const submit = async (status: ArticleStatus) => {
    setError(null);
    const input = { ...(await form.validateFields()), status };
    try {
      const saved = await save.mutateAsync({ id, version: base?.version, input });
      navigate(`/knowledge/${saved.id}`);
    } catch (e) {
      if (isApiError(e, 'VERSION_CONFLICT') && e.current) setConflict(e.current as unknown as ArticleDto);
      else setError(applyApiError(form, e));
    }
  };
  const fields = (['titleZh', 'titleEn', 'bodyZh', 'bodyEn', 'category', 'tags', 'status'] as const).map(
    (path) => ({ path, label: t(`knowledge.${path}` as 'knowledge.titleZh') }),
  );

  return (
    <Card
      title={id ? t('knowledge.editArticle') : t('knowledge.newArticle')}
      extra={<Link to={id ? `/knowledge/${id}` : '/knowledge'}>{t('common.cancel')}</Link>}
    >
      {conflict && base && (
        <ConflictPanel
          base={base}
          current={conflict}
          fields={fields}
          onLoadCurrent={() => {
            existing.refetch();
            form.setFieldsValue(pick(conflict));
            setConflict(null);
          }}
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={base ? pick(base) : EMPTY}>
        <Flex gap={16} wrap>
          <Form.Item name="category" label={t('knowledge.category')} style={{ minWidth: 200 }}>
            <Select
              data-testid="article-category"
              options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`knowledge.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="tags"
            label={t('knowledge.tags')}
            extra={t('knowledge.tagsHint')}
            style={{ minWidth: 320 }}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
          </Form.Item>
        </Flex>
        <Tabs
          items={[
            { key: 'zh', name: 'titleZh', body: 'bodyZh', label: t('knowledge.chinese') },
            { key: 'en', name: 'titleEn', body: 'bodyEn', label: t('knowledge.english') },
          ].map((l) => ({
            key: l.key,
            label: l.label,
            forceRender: true,
            children: (
              <>
                <Form.Item name={l.name} label={t(`knowledge.${l.name}` as 'knowledge.titleZh')}>
                  <Input maxLength={200} data-testid={`article-${l.name}`} />
                </Form.Item>
                <BodyWithPreview
                  name={l.body as 'bodyZh'}
                  label={t(`knowledge.${l.body}` as 'knowledge.bodyZh')}
                />
              </>
            ),
          }))}
        />
        <Flex gap={8} justify="end">
          <Button loading={save.isPending} onClick={() => submit('draft')}>
            {base?.status === 'published' ? t('knowledge.unpublish') : t('knowledge.saveDraft')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => submit('published')}>
            {t('knowledge.publish')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
