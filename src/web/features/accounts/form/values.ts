import type { Lane } from '../../../../shared/customers/accountSchemas';
import type {
  AccountStatus,
  ContactChannel,
  ServiceTier,
  TransportMode,
  VolumeUnit,
} from '../../../../shared/customers/labels';
import type { AccountDto } from '../api';

export interface ContactFormValues {
  name: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechatId?: string;
  preferredChannel?: ContactChannel;
  isPrimary?: boolean;
}

/** The form mirrors the API body, so a server error on `account.creditCode` lands on that field. */
export interface AccountFormValues {
  account: {
    code?: string;
    nameZh?: string;
    nameEn?: string;
    creditCode?: string;
    industry?: string;
    size?: string;
    province?: string;
    city?: string;
    address?: string;
    source?: string;
    ownerId?: string | null;
    status: AccountStatus;
    tier: ServiceTier;
    lifecycleStage?: string;
    tags: string[];
    creditTermsDays?: number | null;
    transportNeeds: {
      modes: TransportMode[];
      lanes: Lane[];
      monthlyVolume?: { amount?: number | null; unit?: VolumeUnit };
    };
  };
  requirements?: string;
  contacts?: ContactFormValues[];
}

export const emptyAccountValues = (): AccountFormValues => ({
  account: {
    status: 'prospect',
    tier: 'general',
    tags: [],
    transportNeeds: { modes: [], lanes: [], monthlyVolume: { unit: 'shipments' } },
  },
  contacts: [{ name: '', isPrimary: true }],
});

const orUndefined = (v: string | null) => v ?? undefined;

export function toFormValues(a: AccountDto): AccountFormValues {
  return {
    account: {
      code: a.code,
      nameZh: orUndefined(a.nameZh),
      nameEn: orUndefined(a.nameEn),
      creditCode: orUndefined(a.creditCode),
      industry: orUndefined(a.industry),
      size: orUndefined(a.size),
      province: orUndefined(a.province),
      city: orUndefined(a.city),
      address: orUndefined(a.address),
      source: orUndefined(a.source),
      ownerId: a.ownerId,
      status: a.status as AccountStatus,
      tier: a.tier as ServiceTier,
      lifecycleStage: orUndefined(a.lifecycleStage),
      tags: a.tags,
      creditTermsDays: a.creditTermsDays,
      transportNeeds: {
        modes: a.transportNeeds.modes as TransportMode[],
        lanes: a.transportNeeds.lanes,
        monthlyVolume: (a.transportNeeds.monthlyVolume as
          | { amount: number; unit: VolumeUnit }
          | undefined) ?? {
          unit: 'shipments',
        },
      },
    },
    requirements: orUndefined(a.requirements),
  };
}

/** The account part of the API body: a volume without an amount is left out. */
export function toAccountBody(v: AccountFormValues['account']) {
  const { monthlyVolume, lanes, modes } = v.transportNeeds;
  const amount = monthlyVolume?.amount;
  return {
    ...v,
    ownerId: v.ownerId ?? undefined,
    creditTermsDays: v.creditTermsDays ?? undefined,
    transportNeeds: {
      modes,
      lanes,
      ...(amount !== undefined && amount !== null
        ? { monthlyVolume: { amount, unit: monthlyVolume?.unit ?? 'shipments' } }
        : {}),
    },
  };
}
