import { Alert, Flex, Form, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebounced } from '../../../components/useDebounced';
import { type DuplicateCheckBody, useDuplicateCheck } from '../api';
import { EvidenceTags, ScoreTag } from '../EvidenceTags';
import { accountName } from '../vocabulary';
import type { AccountFormValues } from './values';

const clip = (v: string | undefined, max: number) => v?.trim().slice(0, max) || undefined;

/**
 * Asks the server, while the person types, whether the account being entered already exists (same
 * credit code, name, phone or email domain) and lists the candidates with their evidence.
 */
export function DuplicateWarning({ excludeId }: { excludeId?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<AccountFormValues>();
  const account = Form.useWatch('account', form);
  const contacts = Form.useWatch('contacts', form);
  const body: DuplicateCheckBody = {
    nameZh: clip(account?.nameZh, 200),
    nameEn: clip(account?.nameEn, 200),
    creditCode: clip(account?.creditCode, 40),
    phones: (contacts ?? [])
      .flatMap((c) => [c?.mobile, c?.phone])
      .map((p) => clip(p ?? undefined, 40))
      .filter((p): p is string => !!p),
    emails: (contacts ?? [])
      .map((c) => clip(c?.email ?? undefined, 254))
      .filter((e): e is string => !!e?.includes('@')),
    excludeId,
  };
  // Debounce the JSON: a new object each render would restart the timer forever.
  const settledJson = useDebounced(JSON.stringify(body), 500);
  const settled = useMemo(() => JSON.parse(settledJson) as DuplicateCheckBody, [settledJson]);
  const worthAsking =
    (settled.nameZh?.length ?? 0) >= 2 ||
    (settled.nameEn?.length ?? 0) >= 3 ||
    !!settled.creditCode ||
    settled.phones.length > 0 ||
    settled.emails.length > 0;
  const check = useDuplicateCheck(settled, worthAsking);
  const candidates = worthAsking ? (check.data?.candidates ?? []) : [];
  if (!candidates.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="duplicate-warning"
      title={t('accounts.duplicates.warningTitle')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('accounts.duplicates.warningHelp')}
          </Typography.Paragraph>
          {candidates.map((c) => (
            <Flex key={c.account.id} vertical gap={4} style={{ marginBottom: 8 }}>
              <Flex gap={8} wrap align="center">
                <Link to={`/accounts/${c.account.id}`} target="_blank">
                  {c.account.code} · {accountName(c.account)}
                </Link>
                <ScoreTag score={c.score} />
              </Flex>
              <EvidenceTags evidence={c.evidence} />
            </Flex>
          ))}
        </>
      }
    />
  );
}
