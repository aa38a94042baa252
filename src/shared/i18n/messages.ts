import type { Locale } from '../organization.js';

/**
 * Server messages in both languages: error codes (upper case) and field-level message keys
 * (dotted, used as zod custom messages). `{name}` is replaced from params.
 */
type Dict = Record<string, string>;

const en: Dict = {
  VALIDATION_FAILED: 'Some fields are not valid.',
  INVALID_JSON: 'The request body is not valid JSON.',
  UNAUTHENTICATED: 'Please sign in; your session is missing or has expired.',
  INVALID_CREDENTIALS: 'Wrong email or password.',
  CSRF_FAILED: 'The security token of this request is missing or wrong; reload the page and try again.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_OWNER: 'Only the owner of this {entity} or a manager may change it.',
  NOT_FOUND: 'The {entity} was not found.',
  VERSION_CONFLICT:
    'Someone else changed this {entity} after you opened it; review their changes and try again.',
  ALREADY_EXISTS: 'A {entity} with this {field} already exists.',
  INVALID_TRANSITION: 'This {entity} cannot go from “{from}” to “{to}”.',
  LINK_EXPIRED: 'This link has expired.',
  BODY_TOO_LARGE: 'The request is too large (limit {limit}).',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not accepted.',
  ACCOUNT_LOCKED: 'Too many failed sign-ins: this account is locked until {until}.',
  TOO_MANY_ATTEMPTS: 'Too many sign-in attempts from your address; wait a few minutes.',
  RATE_LIMITED: 'Too many requests; slow down and try again shortly.',
  INTERNAL: 'Something went wrong on the server; the error was logged (request {requestId}).',
  'password.tooShort': 'The password needs at least 10 characters.',
  'password.tooWeak': 'The password must not be your email or a common password.',
  'password.wrongCurrent': 'The current password is wrong.',
  'password.sameAsOld': 'The new password must differ from the current one.',
  'user.lastAdmin': 'The last active administrator cannot be demoted or deactivated.',
  'user.portalNeedsAccount': 'A portal user must belong to a customer account.',
  'settings.timezone': 'Unknown time zone.',
  'pagination.badCursor': 'The page cursor is not valid; start again from the first page.',
  'user.emailTaken': 'A user with this email already exists.',
};

const zh: Dict = {
  VALIDATION_FAILED: '部分字段填写不正确。',
  INVALID_JSON: '请求内容不是有效的 JSON。',
  UNAUTHENTICATED: '请登录：会话不存在或已过期。',
  INVALID_CREDENTIALS: '邮箱或密码错误。',
  CSRF_FAILED: '请求的安全令牌缺失或错误，请刷新页面后重试。',
  FORBIDDEN: '您的角色无权执行此操作。',
  NOT_OWNER: '只有该{entity}的负责人或经理可以修改。',
  NOT_FOUND: '未找到该{entity}。',
  VERSION_CONFLICT: '您打开该{entity}后，其他人已修改了它；请查看对方的修改后重试。',
  ALREADY_EXISTS: '已存在{field}相同的{entity}。',
  INVALID_TRANSITION: '该{entity}不能从“{from}”变为“{to}”。',
  LINK_EXPIRED: '此链接已过期。',
  BODY_TOO_LARGE: '请求内容过大（上限 {limit}）。',
  UNSUPPORTED_MEDIA_TYPE: '不接受此内容类型。',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已锁定至 {until}。',
  TOO_MANY_ATTEMPTS: '来自您地址的登录尝试过多，请稍候几分钟。',
  RATE_LIMITED: '请求过于频繁，请稍后再试。',
  INTERNAL: '服务器出错，错误已记录（请求 {requestId}）。',
  'password.tooShort': '密码至少需要 10 个字符。',
  'password.tooWeak': '密码不能是您的邮箱或常见密码。',
  'password.wrongCurrent': '当前密码错误。',
  'password.sameAsOld': '新密码不能与当前密码相同。',
  'user.lastAdmin': '不能降级或停用最后一个有效的管理员。',
  'user.portalNeedsAccount': '门户用户必须属于某个客户。',
  'settings.timezone': '未知的时区。',
  'pagination.badCursor': '分页游标无效，请从第一页重新开始。',
  'user.emailTaken': '该邮箱已被其他用户使用。',
};

/** Entity names used in messages. */
const entities: Record<Locale, Dict> = {
  'en-US': {
    user: 'user',
    organization: 'organisation',
    apiKey: 'API key',
    record: 'record',
    session: 'session',
  },
  'zh-CN': { user: '用户', organization: '组织', apiKey: 'API 密钥', record: '记录', session: '会话' },
};

const dictionaries: Record<Locale, Dict> = { 'en-US': en, 'zh-CN': zh };

/** Lets a domain add its own message keys and entity names in both languages. */
export function registerMessages(add: Record<Locale, Dict>, addEntities?: Record<Locale, Dict>): void {
  for (const l of Object.keys(add) as Locale[]) Object.assign(dictionaries[l], add[l]);
  if (addEntities)
    for (const l of Object.keys(addEntities) as Locale[]) Object.assign(entities[l], addEntities[l]);
}

export function hasMessage(key: string): boolean {
  return key in en;
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? dictionaries['en-US'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return '';
    if (name === 'entity' || name === 'field') return entities[locale][String(v)] ?? String(v);
    return String(v);
  });
}
