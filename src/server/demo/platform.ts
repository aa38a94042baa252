import type { Role } from '../../shared/permissions.js';
import { ensureOrganization } from '../domains/organization/service.js';
import { createUser } from '../domains/users/service.js';
import type { DemoStep } from './index.js';

/** Every demo user's password (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'LogiCRM-demo-2026';

export const DEMO_ORGANIZATION = '华通供应链管理有限公司 HuaTong Supply Chain';

const PEOPLE: { role: Role; email: string; name: string; locale: 'zh-CN' | 'en-US' }[] = [
  { role: 'manager', email: 'manager@huatong.demo', name: '王建国', locale: 'zh-CN' },
  { role: 'sales', email: 'li.na@huatong.demo', name: '李娜', locale: 'zh-CN' },
  { role: 'sales', email: 'zhang.wei@huatong.demo', name: '张伟', locale: 'zh-CN' },
  { role: 'sales', email: 'chen.jing@huatong.demo', name: 'Chen Jing', locale: 'en-US' },
  { role: 'service', email: 'liu.yang@huatong.demo', name: '刘洋', locale: 'zh-CN' },
  { role: 'service', email: 'zhao.min@huatong.demo', name: '赵敏', locale: 'zh-CN' },
  { role: 'analyst', email: 'analyst@huatong.demo', name: 'Sun Lei', locale: 'en-US' },
  { role: 'portal', email: 'portal@customer.demo', name: '周经理（客户门户）', locale: 'zh-CN' },
];

/** The company, its settings and one or more users of every role (password: DEMO_PASSWORD). */
export const platformDemo: DemoStep = {
  name: 'organisation and users',
  run: async ({ db, actor, made }) => {
    await ensureOrganization(db, actor, DEMO_ORGANIZATION, { timezone: 'Asia/Shanghai', currency: 'CNY' });
    const users = [];
    for (const p of PEOPLE) users.push(await createUser(db, actor, { ...p, password: DEMO_PASSWORD }));
    made.users = users;
  },
};
