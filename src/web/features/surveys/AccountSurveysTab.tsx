import { Alert, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { one, useAccountSurveys, useSurveyResults } from './api';
import { FollowUpCell } from './FollowUpOutcome';
import { SurveyTrend } from './SurveyCharts';

/** The account 360° surveys tab: its CSI and NPS by month, and each survey sent with its answers. */
export function AccountSurveysTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const from = dayjs().startOf('month').subtract(23, 'month').format('YYYY-MM-DD');
  const to = dayjs().add(2, 'day').format('YYYY-MM-DD');
  const results = useSurveyResults({ from, to, accountId });
  const list = useAccountSurveys(accountId);
  const error = results.error ?? list.error;
  const fmt = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
  return (
    <Flex vertical gap={16}>
      {error && <Alert type="error" showIcon message={error.message} />}
      {results.data && (
        <>
          <Typography.Text data-testid="account-csi">
            {t('surveys.csi')} {one(results.data.csi)} · {t('surveys.nps')} {one(results.data.nps.nps)} ·{' '}
            {t('surveys.responses')} {results.data.responses}
          </Typography.Text>
          <SurveyTrend r={results.data} />
        </>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('surveys.sent'), render: (_, s) => fmt(s.sentAt) },
          { title: t('surveys.trigger.title'), render: (_, s) => t(`surveys.trigger.${s.trigger}`) },
          { title: t('surveys.waybill'), render: (_, s) => s.waybill ?? '—' },
          {
            title: t('surveys.answered'),
            render: (_, s) => (s.submittedAt ? fmt(s.submittedAt) : <Tag>{t('surveys.notAnswered')}</Tag>),
          },
          { title: t('surveys.nps'), render: (_, s) => s.nps ?? '—', align: 'right' },
          { title: t('surveys.meanRating'), render: (_, s) => one(s.meanRating, 2), align: 'right' },
          {
            title: t('surveys.comment'),
            // plain text: React escapes it
            render: (_, s) => s.comment ?? '',
          },
          {
            title: t('surveys.followUp'),
            render: (_, s) => <FollowUpCell s={s} />,
          },
        ]}
      />
    </Flex>
  );
}
