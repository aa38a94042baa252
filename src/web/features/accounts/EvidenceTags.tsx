import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIKELY_DUPLICATE_SCORE } from '../../../shared/customers/duplicates';
import type { DuplicateEvidence } from './api';

const KINDS = [
  'same_credit_code',
  'same_name',
  'same_phone',
  'same_email_domain',
  'different_credit_code',
] as const;
type Kind = (typeof KINDS)[number];
const COLOR: Record<Kind, string> = {
  same_credit_code: 'red',
  same_name: 'volcano',
  same_phone: 'orange',
  same_email_domain: 'gold',
  different_credit_code: 'green',
};

/** Why two accounts look alike, in words: "Same credit code 9131…", "Same phone +86…". */
export function EvidenceTags({ evidence }: { evidence: DuplicateEvidence[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {evidence.map((e) => {
        const kind = KINDS.find((k) => k === e.kind);
        const value = Array.isArray(e.value) ? e.value.join(' ≠ ') : String(e.value ?? '');
        return (
          <Tag key={`${e.kind}:${value}`} color={kind ? COLOR[kind] : undefined}>
            {kind
              ? t(`accounts.duplicates.evidence.${kind}`, {
                  value,
                  similarity: Math.round((e.similarity ?? 0) * 100),
                })
              : `${e.kind}: ${value}`}
          </Tag>
        );
      })}
    </Space>
  );
}

export function ScoreTag({ score }: { score: number }) {
  const { t } = useTranslation();
  const likely = score >= LIKELY_DUPLICATE_SCORE;
  return (
    <Tag color={likely ? 'red' : 'orange'}>
      {likely ? t('accounts.duplicates.likely') : t('accounts.duplicates.possible')} ·{' '}
      {t('accounts.duplicates.score', { score })}
    </Tag>
  );
}
