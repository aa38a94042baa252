import type { logisticsEnUS } from './logistics.en-US';

/** 运单、物流跟踪、服务质量和合作伙伴页面的中文文本。 */
export const logisticsZhCN: typeof logisticsEnUS = {
  shipmentStatus: {
    booked: '已下单',
    picked_up: '已揽收',
    in_transit: '运输中',
    out_for_delivery: '派送中',
    delivered: '已签收',
    exception: '异常',
    returned: '已退回',
    cancelled: '已取消',
  },
  track: {
    title: '运单跟踪',
    waybill: '运单号 {{waybill}}',
    route: '{{origin}} → {{destination}}',
    promised: '预计送达',
    delivered: '签收时间',
    timeline: '物流轨迹',
    noEvents: '暂无物流轨迹。',
    notFound: '未找到运单号为 {{waybill}} 的运单。',
    notFoundHint: '请核对单据上的运单号后重试。',
    tooMany: '查询过于频繁，请一分钟后再试。',
    searchPlaceholder: '运单号',
    searchButton: '查询',
  },
};
