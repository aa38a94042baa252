import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/permissions';
import type { Role } from '../../../api/types';
import { applyApiError } from '../../../components/formErrors';
import { useCreateApiKey } from './api';

interface Values {
  name: string;
  role: Role;
}

/** Creates a key, then shows its secret exactly once with a copy button. */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useCreateApiKey();

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    create.mutate(v, {
      onSuccess: (created) => setSecret(created.secret),
      onError: (e) => setError(applyApiError(form, e)),
    });
  };

  const close = () => {
    setSecret(null);
    setError(null);
    onClose();
  };

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('apiKeys.secretTitle')}
        okText={t('apiKeys.secretDone')}
        onOk={close}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('apiKeys.secretWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          copyable={{ text: secret }}
          code
          data-testid="api-key-secret"
          style={{ wordBreak: 'break-all' }}
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('apiKeys.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={close}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'analyst' }}>
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          rules={[{ required: true, whitespace: true, message: t('apiKeys.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('apiKeys.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
