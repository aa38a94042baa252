import { completeCreditCode } from '../../shared/customers/creditCode.js';
import {
  ACCOUNT_SOURCES,
  COMPANY_SIZES,
  type Industry,
  type TransportMode,
} from '../../shared/customers/labels.js';
import type { UserDto } from '../../shared/users.js';
import { createAccount } from '../domains/accounts/service.js';
import type { DemoStep } from './index.js';
import type { DemoRandom } from './random.js';

/** Province, city, division code of the credit code, telephone area code. */
const CITIES = [
  ['上海', '上海', '310000'],
  ['广东', '深圳', '440300'],
  ['广东', '广州', '440100'],
  ['浙江', '杭州', '330100'],
  ['浙江', '宁波', '330200'],
  ['江苏', '苏州', '320500'],
  ['江苏', '南京', '320100'],
  ['北京', '北京', '110000'],
  ['天津', '天津', '120000'],
  ['四川', '成都', '510100'],
  ['重庆', '重庆', '500000'],
  ['湖北', '武汉', '420100'],
  ['山东', '青岛', '370200'],
  ['福建', '厦门', '350200'],
  ['河南', '郑州', '410100'],
] as const;

const BRANDS = [
  '华信',
  '远航',
  '恒通',
  '金桥',
  '瑞丰',
  '中联',
  '盛达',
  '博远',
  '天宇',
  '新锐',
  '鼎盛',
  '海纳',
  '嘉禾',
  '汇通',
  '宏图',
  '东方',
  '凯德',
  '安泰',
  '隆鑫',
  '佳美',
  '百川',
  '润达',
  '永昌',
  '信达',
  '明辉',
];
const PINYIN: Record<string, string> = {
  华信: 'Huaxin',
  远航: 'Yuanhang',
  恒通: 'Hengtong',
  金桥: 'Jinqiao',
  瑞丰: 'Ruifeng',
  中联: 'Zhonglian',
  盛达: 'Shengda',
  博远: 'Boyuan',
  天宇: 'Tianyu',
  新锐: 'Xinrui',
  鼎盛: 'Dingsheng',
  海纳: 'Haina',
  嘉禾: 'Jiahe',
  汇通: 'Huitong',
  宏图: 'Hongtu',
  东方: 'Dongfang',
  凯德: 'Kaide',
  安泰: 'Antai',
  隆鑫: 'Longxin',
  佳美: 'Jiamei',
  百川: 'Baichuan',
  润达: 'Runda',
  永昌: 'Yongchang',
  信达: 'Xinda',
  明辉: 'Minghui',
};

/** What each industry makes, how it ships, and its English word. */
const TRADES: { industry: Industry; zh: string; en: string; modes: TransportMode[] }[] = [
  { industry: 'electronics', zh: '电子科技', en: 'Electronics', modes: ['express', 'air', 'road_ltl'] },
  { industry: 'automotive', zh: '汽车零部件', en: 'Auto Parts', modes: ['road_ftl', 'rail', 'warehousing'] },
  { industry: 'food_beverage', zh: '食品', en: 'Foods', modes: ['cold_chain', 'road_ftl'] },
  {
    industry: 'pharma_healthcare',
    zh: '医药',
    en: 'Pharmaceutical',
    modes: ['cold_chain', 'air', 'express'],
  },
  {
    industry: 'retail_ecommerce',
    zh: '电子商务',
    en: 'E-commerce',
    modes: ['express', 'warehousing', 'road_ltl'],
  },
  { industry: 'machinery', zh: '机械制造', en: 'Machinery', modes: ['road_ftl', 'sea'] },
  { industry: 'chemicals', zh: '化工', en: 'Chemical', modes: ['hazardous', 'road_ftl', 'sea'] },
  { industry: 'textiles_apparel', zh: '服饰', en: 'Apparel', modes: ['sea', 'road_ltl', 'express'] },
  { industry: 'fmcg', zh: '日用品', en: 'Consumer Goods', modes: ['road_ltl', 'warehousing'] },
  { industry: 'construction_materials', zh: '建材', en: 'Building Materials', modes: ['road_ftl', 'rail'] },
];

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
  '海燕',
];
const TITLES = ['物流经理', '采购经理', '供应链总监', '仓储主管', '运营经理', '总经理助理'];

const creditCodeFor = (division: string, r: DemoRandom) =>
  completeCreditCode(`91${division}${r.int(10000000, 99999999)}`);

function mobile(r: DemoRandom): string {
  return `1${r.pick(['38', '39', '58', '86', '37', '50', '88'])}${String(r.int(10000000, 99999999))}`;
}

/** How many demo accounts; shipments and analytics build on them. */
export const DEMO_ACCOUNT_COUNT = 120;

/** Customer accounts with contacts, transport needs and owners, created through the accounts service. */
export const accountsDemo: DemoStep = {
  name: 'customer accounts and contacts',
  run: async (ctx) => {
    const r = ctx.random;
    const reps = (ctx.made.users as UserDto[]).filter((u) => u.role === 'sales');
    const made = [];
    const used = new Set<string>();
    for (let i = 0; i < DEMO_ACCOUNT_COUNT; i++) {
      const [province, city, division] = r.pick(CITIES);
      const trade = r.pick(TRADES);
      let brand = r.pick(BRANDS);
      while (used.has(`${city}${brand}${trade.zh}`)) brand = r.pick(BRANDS);
      used.add(`${city}${brand}${trade.zh}`);
      const tier = i < 8 ? 'strategic' : i < 30 ? 'key' : 'general';
      const destinations = CITIES.filter((c) => c[1] !== city);
      const lanes = Array.from({ length: r.int(1, 3) }, () => ({
        origin: city as string,
        destination: r.pick(destinations)[1] as string,
      }));
      const domain = `${PINYIN[brand].toLowerCase()}-${trade.en.split(' ')[0].toLowerCase()}.cn`;
      const contacts = Array.from({ length: r.int(1, 3) }, (_, k) => {
        const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
        return {
          name,
          title: r.pick(TITLES),
          mobile: mobile(r),
          email: `contact${k + 1}@${domain}`,
          wechatId: r.chance(0.6) ? `wx_${PINYIN[brand].toLowerCase()}${r.int(100, 999)}` : undefined,
          preferredChannel: r.pick(['phone', 'wechat', 'email'] as const),
          isPrimary: k === 0,
          portalAccess: false,
        };
      });
      const { account } = await createAccount(ctx.db, ctx.actor, {
        account: {
          code: `KH${String(i + 1).padStart(4, '0')}`,
          nameZh: `${city}${brand}${trade.zh}有限公司`,
          nameEn: r.chance(0.7)
            ? `${city === '北京' ? 'Beijing' : ''}${PINYIN[brand]} ${trade.en} Co., Ltd.`.trim()
            : undefined,
          creditCode: creditCodeFor(division, r),
          industry: trade.industry,
          size: r.pick(COMPANY_SIZES),
          province,
          city,
          address: `${city}市${r.pick(['高新区', '经济开发区', '保税区', '工业园区'])}${r.int(1, 300)}号`,
          source: r.pick(ACCOUNT_SOURCES.filter((s) => s !== 'import')),
          ownerId: r.chance(0.92) ? r.pick(reps).id : undefined,
          status: i % 17 === 16 ? 'prospect' : 'active',
          tier,
          tags: r.chance(0.3) ? [r.pick(['年度合同', '旺季加急', '需预约送货', '有专属客服'])] : [],
          creditTermsDays: r.pick([0, 15, 30, 45, 60]),
          transportNeeds: {
            modes: [...new Set(trade.modes.slice(0, r.int(1, trade.modes.length)))],
            lanes,
            monthlyVolume: {
              amount: r.int(2, 400) * (tier === 'strategic' ? 10 : 1),
              unit: r.pick(['shipments', 'tons', 'pallets'] as const),
            },
          },
        },
        contacts,
        requirements: r.chance(0.4)
          ? r.pick(['送货前一小时电话通知', '需回单原件', '仓库周日不收货', '温控 2–8 ℃，全程记录'])
          : undefined,
      });
      made.push(account);
    }
    // the same customer keyed in twice by two reps, as happens: the duplicates screen finds them
    for (const original of made.slice(40, 43)) {
      await createAccount(ctx.db, ctx.actor, {
        account: {
          nameZh: original.nameZh!.replace('有限公司', '股份有限公司'),
          province: original.province ?? undefined,
          city: original.city ?? undefined,
          status: 'prospect',
          tier: 'general',
          tags: [],
          source: 'cold_call',
          ownerId: r.pick(reps).id,
          transportNeeds: { modes: [], lanes: [] },
        },
        contacts: [],
      });
    }
    ctx.made.accounts = made;
  },
};
