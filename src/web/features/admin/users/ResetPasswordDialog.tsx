import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../api/types';
import { applyApiError } from '../../../components/formErrors';
import { MIN_PASSWORD_LENGTH } from '../../auth/ChangePasswordDialog';
import { useResetPassword } from './api';

export function ResetPasswordDialog({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [error, setError] = useState<string | null>(null);
  const reset = useResetPassword();

  const submit = async () => {
    if (!user) return;
    const { newPassword } = await form.validateFields();
    setError(null);
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('users.resetDone'));
          onClose();
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user && t('users.resetTitle', { name: user.name })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setError(null);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetHelp')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
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
      </Form>
    </Modal>
  );
}
