import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_VOCABULARIES,
  type CustomerVocabulary,
  selectOptions,
} from '../../../shared/customers/labels';
import { currentLocale } from '../../i18n';

type LabelTable = Record<string, Record<'zh-CN' | 'en-US', string>>;

export interface TransportNeedsLike {
  modes?: string[];
  lanes?: { origin?: string; destination?: string }[];
  monthlyVolume?: { amount?: number | null; unit?: string };
}

/** Labels of the customer vocabularies (shared/customers/labels.ts) in the current UI language. */
export function useVocabulary() {
  const { t } = useTranslation(); // also re-renders on language change
  const locale = currentLocale();
  const label = (vocabulary: CustomerVocabulary, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '—';
    const labels = CUSTOMER_VOCABULARIES[vocabulary][1] as LabelTable;
    return labels[value]?.[locale] ?? value;
  };
  return {
    label,
    /** Transport needs on one line: "公路整车、海运 · 上海→成都 · 每月 120 票". */
    transportNeeds: (tn: TransportNeedsLike | null | undefined): string => {
      const modes = (tn?.modes ?? [])
        .map((m) => label('transportMode', m))
        .join(locale === 'zh-CN' ? '、' : ', ');
      const lanes = (tn?.lanes ?? []).map((l) => `${l.origin ?? ''}→${l.destination ?? ''}`).join('; ');
      const v = tn?.monthlyVolume;
      const volume =
        v?.amount !== undefined && v?.amount !== null
          ? t('accounts.detail.volume', {
              amount: v.amount.toLocaleString(locale),
              unit: label('volumeUnit', v.unit),
            })
          : '';
      return [modes, lanes, volume].filter(Boolean).join(' · ') || '—';
    },
    options: (vocabulary: CustomerVocabulary) => selectOptions(vocabulary, locale),
  };
}

const STATUS_COLOR: Record<string, string> = {
  prospect: 'blue',
  active: 'green',
  dormant: 'orange',
  lost: 'default',
};
const TIER_COLOR: Record<string, string> = { strategic: 'gold', key: 'purple', general: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { label } = useVocabulary();
  return <Tag color={STATUS_COLOR[status]}>{label('status', status)}</Tag>;
}

export function TierTag({ tier }: { tier: string }) {
  const { label } = useVocabulary();
  return <Tag color={TIER_COLOR[tier]}>{label('tier', tier)}</Tag>;
}

/** "华通供应链 / HuaTong Supply Chain", either name alone, or the code when neither is set. */
export const accountName = (a: { code: string; nameZh: string | null; nameEn: string | null }) =>
  [a.nameZh, a.nameEn].filter(Boolean).join(' / ') || a.code;
