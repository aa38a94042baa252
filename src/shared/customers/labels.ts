import type { Locale } from '../organization.js';

/**
 * The closed vocabularies of accounts and contacts, as const arrays (stored values, UI selects) with
 * their zh-CN and en-US labels. A label table must name every value: `satisfies` checks it.
 */

export const ACCOUNT_STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const SERVICE_TIERS = ['strategic', 'key', 'general'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

/** DOMAIN.md §4: identification → development → stable → decline → lost. */
export const LIFECYCLE_STAGES = ['identification', 'development', 'stable', 'decline', 'lost'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Industries of the shippers a logistics company serves. */
export const INDUSTRIES = [
  'manufacturing',
  'automotive',
  'electronics',
  'machinery',
  'chemicals',
  'pharma_healthcare',
  'food_beverage',
  'agriculture',
  'fmcg',
  'retail_ecommerce',
  'textiles_apparel',
  'construction_materials',
  'energy_mining',
  'logistics',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Company size by headcount. */
export const COMPANY_SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** How the account was acquired. */
export const ACCOUNT_SOURCES = [
  'referral',
  'website',
  'exhibition',
  'cold_call',
  'tender',
  'partner',
  'campaign',
  'walk_in',
  'import',
  'other',
] as const;
export type AccountSource = (typeof ACCOUNT_SOURCES)[number];

export const TRANSPORT_MODES = [
  'road_ftl',
  'road_ltl',
  'express',
  'sea',
  'air',
  'rail',
  'warehousing',
  'cold_chain',
  'hazardous',
] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const VOLUME_UNITS = ['shipments', 'parcels', 'tons', 'cbm', 'teu', 'pallets'] as const;
export type VolumeUnit = (typeof VOLUME_UNITS)[number];

export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'wechat', 'visit', 'portal'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

type Labels<V extends string> = Record<V, Record<Locale, string>>;

export const ACCOUNT_STATUS_LABELS = {
  prospect: { 'zh-CN': '潜在', 'en-US': 'Prospect' },
  active: { 'zh-CN': '活跃', 'en-US': 'Active' },
  dormant: { 'zh-CN': '休眠', 'en-US': 'Dormant' },
  lost: { 'zh-CN': '流失', 'en-US': 'Lost' },
} satisfies Labels<AccountStatus>;

export const SERVICE_TIER_LABELS = {
  strategic: { 'zh-CN': '战略客户', 'en-US': 'Strategic' },
  key: { 'zh-CN': '重点客户', 'en-US': 'Key' },
  general: { 'zh-CN': '一般客户', 'en-US': 'General' },
} satisfies Labels<ServiceTier>;

export const LIFECYCLE_STAGE_LABELS = {
  identification: { 'zh-CN': '考察期', 'en-US': 'Identification' },
  development: { 'zh-CN': '形成期', 'en-US': 'Development' },
  stable: { 'zh-CN': '稳定期', 'en-US': 'Stable' },
  decline: { 'zh-CN': '衰退期', 'en-US': 'Decline' },
  lost: { 'zh-CN': '流失期', 'en-US': 'Lost' },
} satisfies Labels<LifecycleStage>;

export const INDUSTRY_LABELS = {
  manufacturing: { 'zh-CN': '制造业', 'en-US': 'Manufacturing' },
  automotive: { 'zh-CN': '汽车及零部件', 'en-US': 'Automotive' },
  electronics: { 'zh-CN': '电子电器', 'en-US': 'Electronics' },
  machinery: { 'zh-CN': '机械设备', 'en-US': 'Machinery' },
  chemicals: { 'zh-CN': '化工', 'en-US': 'Chemicals' },
  pharma_healthcare: { 'zh-CN': '医药医疗', 'en-US': 'Pharma & healthcare' },
  food_beverage: { 'zh-CN': '食品饮料', 'en-US': 'Food & beverage' },
  agriculture: { 'zh-CN': '农产品', 'en-US': 'Agriculture' },
  fmcg: { 'zh-CN': '快消品', 'en-US': 'FMCG' },
  retail_ecommerce: { 'zh-CN': '零售电商', 'en-US': 'Retail & e-commerce' },
  textiles_apparel: { 'zh-CN': '纺织服装', 'en-US': 'Textiles & apparel' },
  construction_materials: { 'zh-CN': '建材', 'en-US': 'Construction materials' },
  energy_mining: { 'zh-CN': '能源矿产', 'en-US': 'Energy & mining' },
  logistics: { 'zh-CN': '物流同行', 'en-US': 'Logistics provider' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
} satisfies Labels<Industry>;

export const COMPANY_SIZE_LABELS = {
  micro: { 'zh-CN': '20人以下', 'en-US': 'Under 20' },
  small: { 'zh-CN': '20–99人', 'en-US': '20–99' },
  medium: { 'zh-CN': '100–499人', 'en-US': '100–499' },
  large: { 'zh-CN': '500–1999人', 'en-US': '500–1,999' },
  enterprise: { 'zh-CN': '2000人及以上', 'en-US': '2,000 and more' },
} satisfies Labels<CompanySize>;

export const ACCOUNT_SOURCE_LABELS = {
  referral: { 'zh-CN': '客户推荐', 'en-US': 'Referral' },
  website: { 'zh-CN': '官网', 'en-US': 'Website' },
  exhibition: { 'zh-CN': '展会', 'en-US': 'Exhibition' },
  cold_call: { 'zh-CN': '电话开发', 'en-US': 'Cold call' },
  tender: { 'zh-CN': '招投标', 'en-US': 'Tender' },
  partner: { 'zh-CN': '合作伙伴', 'en-US': 'Partner' },
  campaign: { 'zh-CN': '营销活动', 'en-US': 'Campaign' },
  walk_in: { 'zh-CN': '主动上门', 'en-US': 'Walk-in' },
  import: { 'zh-CN': '数据导入', 'en-US': 'Import' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
} satisfies Labels<AccountSource>;

export const TRANSPORT_MODE_LABELS = {
  road_ftl: { 'zh-CN': '公路整车', 'en-US': 'Road FTL' },
  road_ltl: { 'zh-CN': '公路零担', 'en-US': 'Road LTL' },
  express: { 'zh-CN': '快递', 'en-US': 'Express' },
  sea: { 'zh-CN': '海运', 'en-US': 'Sea freight' },
  air: { 'zh-CN': '空运', 'en-US': 'Air freight' },
  rail: { 'zh-CN': '铁路', 'en-US': 'Rail' },
  warehousing: { 'zh-CN': '仓储', 'en-US': 'Warehousing' },
  cold_chain: { 'zh-CN': '冷链', 'en-US': 'Cold chain' },
  hazardous: { 'zh-CN': '危险品', 'en-US': 'Hazardous goods' },
} satisfies Labels<TransportMode>;

export const VOLUME_UNIT_LABELS = {
  shipments: { 'zh-CN': '票', 'en-US': 'shipments' },
  parcels: { 'zh-CN': '件', 'en-US': 'parcels' },
  tons: { 'zh-CN': '吨', 'en-US': 'tonnes' },
  cbm: { 'zh-CN': '立方米', 'en-US': 'm³' },
  teu: { 'zh-CN': '标箱', 'en-US': 'TEU' },
  pallets: { 'zh-CN': '托', 'en-US': 'pallets' },
} satisfies Labels<VolumeUnit>;

export const CONTACT_CHANNEL_LABELS = {
  phone: { 'zh-CN': '电话', 'en-US': 'Phone' },
  sms: { 'zh-CN': '短信', 'en-US': 'SMS' },
  email: { 'zh-CN': '邮件', 'en-US': 'Email' },
  wechat: { 'zh-CN': '微信', 'en-US': 'WeChat' },
  visit: { 'zh-CN': '拜访', 'en-US': 'Visit' },
  portal: { 'zh-CN': '客户门户', 'en-US': 'Portal' },
} satisfies Labels<ContactChannel>;

/** Every vocabulary with its labels, keyed by name — for import value matching and UI selects. */
export const CUSTOMER_VOCABULARIES = {
  status: [ACCOUNT_STATUSES, ACCOUNT_STATUS_LABELS],
  tier: [SERVICE_TIERS, SERVICE_TIER_LABELS],
  lifecycleStage: [LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS],
  industry: [INDUSTRIES, INDUSTRY_LABELS],
  size: [COMPANY_SIZES, COMPANY_SIZE_LABELS],
  source: [ACCOUNT_SOURCES, ACCOUNT_SOURCE_LABELS],
  transportMode: [TRANSPORT_MODES, TRANSPORT_MODE_LABELS],
  volumeUnit: [VOLUME_UNITS, VOLUME_UNIT_LABELS],
  preferredChannel: [CONTACT_CHANNELS, CONTACT_CHANNEL_LABELS],
} as const;
export type CustomerVocabulary = keyof typeof CUSTOMER_VOCABULARIES;

/** Options for a select: value and label in one locale, in the vocabulary's order. */
export function selectOptions(
  vocabulary: CustomerVocabulary,
  locale: Locale,
): { value: string; label: string }[] {
  const [values, labels] = CUSTOMER_VOCABULARIES[vocabulary];
  return values.map((value) => ({ value, label: (labels as Labels<string>)[value][locale] }));
}

/**
 * The stored value for what a person typed in an import: the value itself or its label in either
 * language, ignoring case and spaces ("重点客户", "重点", "Key", "key" → "key"). A zh-CN label's trailing
 * 客户 may be left off. Undefined when nothing matches.
 */
export function matchVocabularyValue(vocabulary: CustomerVocabulary, text: string): string | undefined {
  const wanted = vocabularyKey(text);
  return wanted === '' ? undefined : vocabularyLookup(vocabulary).get(wanted);
}

const vocabularyKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const lookups = new Map<CustomerVocabulary, Map<string, string>>();

/** Every accepted spelling of a vocabulary's values, built once: imports call this for every cell. */
function vocabularyLookup(vocabulary: CustomerVocabulary): Map<string, string> {
  let lookup = lookups.get(vocabulary);
  if (!lookup) {
    lookup = new Map();
    const [values, labels] = CUSTOMER_VOCABULARIES[vocabulary];
    for (const value of [...values].reverse()) {
      const label = (labels as Labels<string>)[value];
      for (const c of [label['zh-CN'].replace(/客户$/, ''), label['zh-CN'], label['en-US'], value]) {
        lookup.set(vocabularyKey(c), value);
      }
    }
    lookups.set(vocabulary, lookup);
  }
  return lookup;
}
