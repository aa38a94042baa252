import { App, Button, Flex, Skeleton, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../components/ErrorPages';
import { type AccountDetail, type DuplicatePair, useAccount, useDismissDuplicate } from '../api';
import { useMergeConfirm } from '../useMergeConfirm';
import { StatusTag, TierTag, useVocabulary } from '../vocabulary';

interface Row {
  key: string;
  label: string;
  a: ReactNode;
  b: ReactNode;
  same: boolean;
}

/** Both accounts of a candidate pair side by side, with "merge into A / into B" and "not a duplicate". */
export function ComparePair({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, transportNeeds } = useVocabulary();
  const a = useAccount(pair.a.id);
  const b = useAccount(pair.b.id);
  const dismiss = useDismissDuplicate();
  const confirmMerge = useMergeConfirm();

  if (a.isPending || b.isPending) return <Skeleton active />;
  if (a.error || b.error) return <LoadError error={a.error ?? b.error} />;

  const A = a.data.account;
  const B = b.data.account;
  const primary = (d: AccountDetail) => {
    const c = d.contacts.find((x) => x.isPrimary) ?? d.contacts[0];
    return c ? [c.name, c.mobile ?? c.phone, c.email].filter(Boolean).join(' · ') : t('common.none');
  };
  const text = (v: string | number | null) => (v === null || v === '' ? t('common.none') : String(v));
  const row = (
    key: string,
    rowLabel: string,
    va: string,
    vb: string,
    ra?: ReactNode,
    rb?: ReactNode,
  ): Row => ({
    key,
    label: rowLabel,
    a: ra ?? va,
    b: rb ?? vb,
    same: va === vb,
  });
  const rows: Row[] = [
    row('code', t('accounts.fields.code'), A.code, B.code),
    row('nameZh', t('accounts.fields.nameZh'), text(A.nameZh), text(B.nameZh)),
    row('nameEn', t('accounts.fields.nameEn'), text(A.nameEn), text(B.nameEn)),
    row('creditCode', t('accounts.fields.creditCode'), text(A.creditCode), text(B.creditCode)),
    row(
      'status',
      t('accounts.fields.status'),
      A.status + A.tier,
      B.status + B.tier,
      <Space size={4}>
        <StatusTag status={A.status} />
        <TierTag tier={A.tier} />
      </Space>,
      <Space size={4}>
        <StatusTag status={B.status} />
        <TierTag tier={B.tier} />
      </Space>,
    ),
    row(
      'industry',
      t('accounts.fields.industry'),
      label('industry', A.industry),
      label('industry', B.industry),
    ),
    row(
      'city',
      t('accounts.fields.city'),
      text([A.province, A.city].filter(Boolean).join(' · ')),
      text([B.province, B.city].filter(Boolean).join(' · ')),
    ),
    row('address', t('accounts.fields.address'), text(A.address), text(B.address)),
    row('owner', t('accounts.fields.ownerId'), text(A.ownerName), text(B.ownerName)),
    row(
      'tags',
      t('accounts.fields.tags'),
      A.tags.join(', ') || t('common.none'),
      B.tags.join(', ') || t('common.none'),
    ),
    row(
      'transport',
      t('accounts.fields.transportNeeds'),
      transportNeeds(A.transportNeeds),
      transportNeeds(B.transportNeeds),
    ),
    row('contact', t('accounts.columns.primaryContact'), primary(a.data), primary(b.data)),
    row(
      'contacts',
      t('accounts.figures.contacts'),
      String(a.data.contacts.length),
      String(b.data.contacts.length),
    ),
  ];

  const heading = (d: AccountDetail) => (
    <Link to={`/accounts/${d.account.id}`} target="_blank">
      {d.account.code}
    </Link>
  );

  return (
    <div data-testid="compare-pair">
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        rowKey="key"
        columns={[
          {
            title: '',
            dataIndex: 'label',
            width: 180,
            render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
          },
          {
            title: heading(a.data),
            dataIndex: 'a',
            onCell: (r) => ({ style: r.same ? {} : { background: '#fffbe6' } }),
          },
          {
            title: heading(b.data),
            dataIndex: 'b',
            onCell: (r) => ({ style: r.same ? {} : { background: '#fffbe6' } }),
          },
        ]}
      />
      <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 12 }}>
        <Button
          onClick={() =>
            dismiss.mutate(
              { a: A.id, b: B.id },
              {
                onSuccess: () => message.success(t('accounts.duplicates.dismissed')),
                onError: (e) => message.error(e.message),
              },
            )
          }
          loading={dismiss.isPending}
          data-testid="duplicate-dismiss"
        >
          {t('accounts.duplicates.dismiss')}
        </Button>
        <Button danger onClick={() => confirmMerge(A, B)} data-testid="merge-into-a">
          {t('accounts.duplicates.mergeInto', { code: A.code })}
        </Button>
        <Button danger onClick={() => confirmMerge(B, A)} data-testid="merge-into-b">
          {t('accounts.duplicates.mergeInto', { code: B.code })}
        </Button>
      </Flex>
    </div>
  );
}
