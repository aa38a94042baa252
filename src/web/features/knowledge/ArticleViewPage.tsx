import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Spin, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormatDateTime } from '../../components/format';
import { useCan } from '../auth/api';
import { ArticleText } from './ArticleText';
import { articleTitle, useArticle } from './api';

/** One article, in the UI language first, with the other language a tab away. */
export default function ArticleViewPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const fmt = useFormatDateTime();
  const article = useArticle(id);
  if (article.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (article.isError) return <Alert type="error" showIcon message={article.error.message} />;
  const a = article.data;
  const langs = [
    { key: 'zh-CN', label: t('knowledge.chinese'), title: a.titleZh, body: a.bodyZh },
    { key: 'en-US', label: t('knowledge.english'), title: a.titleEn, body: a.bodyEn },
  ];
  if (i18n.language === 'en-US') langs.reverse();
  return (
    <Card
      title={<span data-testid="article-title">{articleTitle(a, i18n.language)}</span>}
      extra={
        <Flex gap={8}>
          <Link to="/knowledge">{t('knowledge.back')}</Link>
          {can('knowledge.write') && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/knowledge/${a.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('knowledge.category')}>
          {t(`knowledge.categories.${a.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('knowledge.status')}>
          <Tag color={a.status === 'published' ? 'green' : 'default'}>
            {t(`knowledge.statuses.${a.status}`)}
          </Tag>
          {a.publishedAt && fmt(a.publishedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('knowledge.tags')}>
          {a.tags.length ? a.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('common.none')}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={langs.map((l) => ({
          key: l.key,
          label: l.label,
          children: l.body ? (
            <>
              {l.title && <h3>{l.title}</h3>}
              <ArticleText text={l.body} />
            </>
          ) : (
            <Alert type="info" message={t('knowledge.noText')} />
          ),
        }))}
      />
    </Card>
  );
}
