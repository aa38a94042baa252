import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/permissions';
import { isApiError } from '../../../api/client';
import type { Locale, Role, UserDto } from '../../../api/types';
import { ConflictPanel } from '../../../components/ConflictPanel';
import { applyApiError } from '../../../components/formErrors';
import { LOCALES } from '../../../i18n';
import { MIN_PASSWORD_LENGTH } from '../../auth/ChangePasswordDialog';
import { useCreateUser, useUpdateUser } from './api';

interface Values {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  password: string;
}

/** Create a user (`user` undefined) or edit one, resolving a stale edit by showing what changed. */
export function UserFormDialog({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user?: UserDto;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState<UserDto | undefined>(user);
  const [conflict, setConflict] = useState<UserDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();

  useEffect(() => {
    if (!open) return;
    setBase(user);
    setConflict(null);
    setError(null);
    form.resetFields();
    if (user) form.setFieldsValue({ name: user.name, role: user.role, locale: user.locale });
    else form.setFieldsValue({ role: 'sales', locale: i18n.language as Locale });
  }, [open, user, form, i18n.language]);

  const fail = (e: unknown) => {
    if (isApiError(e, 'VERSION_CONFLICT') && e.current) {
      setConflict(e.current as unknown as UserDto);
      setError(null);
    } else setError(applyApiError(form, e));
  };

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    if (!base) {
      create.mutate(v, {
        onSuccess: () => {
          message.success(t('users.created'));
          onClose();
        },
        onError: fail,
      });
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, name: v.name, role: v.role, locale: v.locale },
      {
        onSuccess: () => {
          message.success(t('users.updated'));
          onClose();
        },
        onError: fail,
      },
    );
  };

  const loadCurrent = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setFieldsValue({ name: conflict.name, role: conflict.role, locale: conflict.locale });
    setConflict(null);
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      okText={user ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !!conflict }}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && base && (
        <ConflictPanel
          base={base}
          current={conflict}
          onLoadCurrent={loadCurrent}
          fields={[
            { path: 'name', label: t('users.name') },
            { path: 'email', label: t('users.email') },
            { path: 'role', label: t('users.role'), format: (r) => t(`roles.${r as Role}`) },
            { path: 'locale', label: t('users.locale'), format: (l) => t(`language.${l as Locale}`) },
            {
              path: 'active',
              label: t('users.status'),
              format: (a) => (a ? t('users.active') : t('users.inactive')),
            },
          ]}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        {!user && (
          <Form.Item
            name="email"
            label={t('users.email')}
            rules={[
              { required: true, message: t('login.emailRequired') },
              { type: 'email', message: t('login.emailInvalid') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHelp')}
            rules={[
              {
                required: true,
                min: MIN_PASSWORD_LENGTH,
                message: t('password.minLength', { min: MIN_PASSWORD_LENGTH }),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
