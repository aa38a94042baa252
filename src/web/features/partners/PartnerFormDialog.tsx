import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PARTNER_KINDS, PARTNER_STATUSES, type PartnerDto } from '../../../shared/partners';
import { applyApiError } from '../../components/formErrors';
import { useSavePartner } from './api';

/** Creates a partner (then opens it) or edits one; an edit sends the version it started from. */
export function PartnerFormDialog({ partner, onClose }: { partner?: PartnerDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = useSavePartner();
  const submit = (v: Record<string, unknown>) => {
    const blank = (x: unknown) => (typeof x === 'string' && x.trim() === '' ? undefined : x);
    const body: Record<string, unknown> = {
      ...v,
      nameZh: blank(v.nameZh) ?? (partner ? null : undefined),
      nameEn: blank(v.nameEn) ?? (partner ? null : undefined),
      notes: blank(v.notes) ?? (partner ? null : undefined),
    };
    if (partner) {
      delete body.code;
      body.version = partner.version;
    }
    setError(null);
    save.mutate(
      { id: partner?.id, body },
      {
        onSuccess: (saved) => {
          message.success(t('partnerEdit.saved'));
          onClose();
          if (!partner) navigate(`/partners/${saved.id}`);
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={partner ? `${t('partnerEdit.edit')} ${partner.code}` : t('partnerEdit.create')}
      okText={t('partnerEdit.save')}
      cancelText={t('partnerEdit.cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        data-testid="partner-form"
        initialValues={partner ?? { kind: 'carrier', status: 'active', modes: [] }}
        onFinish={submit}
      >
        <Form.Item name="code" label={t('partners.code')} rules={[{ required: !partner }]}>
          <Input disabled={!!partner} />
        </Form.Item>
        <Form.Item name="kind" label={t('partners.kind')}>
          <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('partnerEdit.nameZh')}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('partnerEdit.nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="modes" label={t('partners.modes')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="status" label={t('partners.status')}>
          <Select options={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`partners.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('partnerEdit.notes')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
