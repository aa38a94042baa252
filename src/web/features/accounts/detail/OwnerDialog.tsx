import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError } from '../../../components/formErrors';
import { type AccountDto, useChangeOwner, useOwnerOptions } from '../api';
import { accountName } from '../vocabulary';

const UNASSIGNED = 'none';

/** Give the account to another owner (accounts.assign); recorded in its history. */
export function OwnerDialog({
  account,
  open,
  onClose,
}: {
  account: AccountDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const owners = useOwnerOptions(open);
  const change = useChangeOwner();
  const [form] = Form.useForm<{ ownerId: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { ownerId } = await form.validateFields();
    change.mutate(
      { id: account.id, version: account.version, ownerId: ownerId === UNASSIGNED ? null : ownerId },
      {
        onSuccess: () => {
          message.success(t('accounts.detail.ownerChanged'));
          onClose();
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('accounts.detail.ownerTitle', { name: accountName(account) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ ownerId: account.ownerId ?? UNASSIGNED }}>
        <Form.Item name="ownerId" label={t('accounts.detail.newOwner')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={owners.isPending}
            options={[
              { value: UNASSIGNED, label: t('accounts.detail.unassigned') },
              ...(owners.data?.items ?? [])
                .filter((u) => u.role !== 'portal')
                .map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
