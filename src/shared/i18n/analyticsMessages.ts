import { registerMessages } from './messages.js';

/** Customer analytics: errors and field messages in both languages. */
registerMessages(
  {
    'en-US': {
      RUN_IN_PROGRESS: 'An analytics run is already running; wait for it to finish.',
      'analytics.abcOrder': 'The class B boundary must be above the class A boundary.',
      'analytics.reasonRequired': 'Give a reason when the tier differs from the suggested one.',
      'analytics.noSuggestion': 'There is no analytics run with this account yet.',
    },
    'zh-CN': {
      RUN_IN_PROGRESS: '已有客户分析正在计算，请等待其完成。',
      'analytics.abcOrder': 'B 类边界必须大于 A 类边界。',
      'analytics.reasonRequired': '所选等级与建议等级不同时，请填写原因。',
      'analytics.noSuggestion': '该客户尚无分析结果。',
    },
  },
  {
    'en-US': { analyticsRun: 'analytics run', analyticsSettings: 'analytics settings' },
    'zh-CN': { analyticsRun: '分析计算', analyticsSettings: '分析设置' },
  },
);
