import { registerMessages } from './messages.js';

/**
 * Messages of the shipments, tracking, partners and KPI domains, in both languages. Imported by
 * those domains' routes (and by the web app) so the keys exist before any error is localised.
 */
registerMessages(
  {
    'en-US': {
      'partner.codeFormat': 'Use letters, digits, dots, dashes and underscores only.',
      'partner.nameRequired': 'Give a Chinese or an English name.',
      'partner.codeTaken': 'A partner with this code already exists.',
      'partner.weightsSum': 'The weights must add up to 100.',
      'partner.notCarrier': 'Only carriers can be evaluated on shipments.',
      'partner.noShipments': 'The partner delivered no shipments in this period; nothing to evaluate.',
      'date.format': 'Use a calendar date like 2026-03-31.',
      'date.range': '"to" must be after "from".',
      'kpi.pageWithTrend':
        'A page of ranked rows is for a period without a trend; leave out limit or the trend.',
      'time.offsetRequired':
        'Give an ISO 8601 time with a time zone offset or Z, e.g. 2026-03-01T08:00:00+08:00.',
      'time.future': 'This time lies in the future.',
      'time.before2000': 'This time lies before the year 2000.',
      'shipment.unknownAccount': 'No account has this code.',
      'shipment.unknownCarrier': 'No partner has this carrier code.',
      'shipment.duplicateWaybill': 'This waybill number appears more than once in the batch.',
      'shipment.negative': 'The value must not be negative.',
      'shipment.pickupBeforeBooking': 'Picked up before it was booked: impossible sequence.',
      'shipment.deliveredBeforePickup': 'Delivered before it was picked up: impossible sequence.',
      'shipment.deliveredBeforeBooking': 'Delivered before it was booked: impossible sequence.',
      'shipment.waybillTaken': 'A shipment with this waybill number already exists.',
      'shipment.invalid': 'This value is not valid.',
      'shipment.required': 'This field is required.',
      'tracking.beforeBooking':
        'This event is earlier than the booking of the shipment: impossible sequence.',
      'tracking.deliveredBeforePickup': 'A delivery event earlier than the pick-up: impossible sequence.',
      'tracking.unknownWaybill': 'No shipment has this waybill number.',
    },
    'zh-CN': {
      'partner.codeFormat': '只能使用字母、数字、点、短横线和下划线。',
      'partner.nameRequired': '请填写中文名称或英文名称。',
      'partner.codeTaken': '该编码的合作伙伴已存在。',
      'partner.weightsSum': '权重之和必须为 100。',
      'partner.notCarrier': '只有承运商可以按运单进行考评。',
      'partner.noShipments': '该合作伙伴在此期间没有签收的运单，无法考评。',
      'date.format': '请使用日期格式，例如 2026-03-31。',
      'date.range': '结束日期必须晚于开始日期。',
      'kpi.pageWithTrend': '排名分页只用于不分周/月趋势的统计；请去掉 limit 或趋势参数。',
      'time.offsetRequired': '请使用带时区偏移或 Z 的 ISO 8601 时间，例如 2026-03-01T08:00:00+08:00。',
      'time.future': '该时间晚于当前时间。',
      'time.before2000': '该时间早于 2000 年。',
      'shipment.unknownAccount': '没有该编码的客户。',
      'shipment.unknownCarrier': '没有该编码的承运商。',
      'shipment.duplicateWaybill': '该运单号在本批次中重复出现。',
      'shipment.negative': '数值不能为负数。',
      'shipment.pickupBeforeBooking': '揽收时间早于下单时间：顺序不可能。',
      'shipment.deliveredBeforePickup': '签收时间早于揽收时间：顺序不可能。',
      'shipment.deliveredBeforeBooking': '签收时间早于下单时间：顺序不可能。',
      'shipment.waybillTaken': '该运单号已存在。',
      'shipment.invalid': '该值无效。',
      'shipment.required': '此字段为必填项。',
      'tracking.beforeBooking': '该轨迹早于运单下单时间：顺序不可能。',
      'tracking.deliveredBeforePickup': '签收轨迹早于揽收时间：顺序不可能。',
      'tracking.unknownWaybill': '没有该运单号的运单。',
    },
  },
  {
    'en-US': {
      partner: 'partner',
      shipment: 'shipment',
      evaluation: 'evaluation',
      qualification: 'qualification',
      contact: 'contact',
      contract: 'contract',
      serviceTargets: 'service targets',
    },
    'zh-CN': {
      partner: '合作伙伴',
      shipment: '运单',
      evaluation: '考评',
      qualification: '资质',
      contact: '联系人',
      contract: '合同',
      serviceTargets: '服务质量目标',
    },
  },
);
