import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactChannel } from '../../../../shared/customers/labels';
import { isApiError } from '../../../api/client';
import { ConflictPanel } from '../../../components/ConflictPanel';
import { applyApiError } from '../../../components/formErrors';
import { type ContactDto, useSaveContact } from '../api';
import { ContactFields } from '../form/ContactFields';
import type { ContactFormValues } from '../form/values';
import { useVocabulary } from '../vocabulary';

const toValues = (c: ContactDto): ContactFormValues => ({
  name: c.name,
  title: c.title ?? undefined,
  mobile: c.mobile ?? undefined,
  phone: c.phone ?? undefined,
  email: c.email ?? undefined,
  wechatId: c.wechatId ?? undefined,
  preferredChannel: (c.preferredChannel as ContactChannel | null) ?? undefined,
  isPrimary: c.isPrimary,
});

/** Add a contact to an account (`contact` undefined) or edit one; a stale edit shows what changed. */
export function ContactFormDialog({
  accountId,
  open,
  contact,
  onClose,
}: {
  accountId: string;
  open: boolean;
  contact?: ContactDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useVocabulary();
  const [form] = Form.useForm<ContactFormValues>();
  const [base, setBase] = useState(contact);
  const [conflict, setConflict] = useState<ContactDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useSaveContact(accountId);

  useEffect(() => {
    if (!open) return;
    setBase(contact);
    setConflict(null);
    setError(null);
    form.resetFields();
    form.setFieldsValue(contact ? toValues(contact) : { name: '', isPrimary: false });
  }, [open, contact, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    save.mutate(
      { contactId: base?.id, version: base?.version, contact: { ...v, isPrimary: v.isPrimary ?? false } },
      {
        onSuccess: () => {
          message.success(t('accounts.contacts.saved'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e, 'VERSION_CONFLICT') && e.current) setConflict(e.current as unknown as ContactDto);
          else setError(applyApiError(form, e));
        },
      },
    );
  };

  const field = (path: keyof ContactFormValues) => ({ path, label: t(`accounts.contactFields.${path}`) });

  return (
    <Modal
      open={open}
      width={640}
      title={
        contact ? t('accounts.contacts.editTitle', { name: contact.name }) : t('accounts.contacts.addTitle')
      }
      okText={contact ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !!conflict, 'data-testid': 'contact-save' }}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && base && (
        <ConflictPanel
          base={base}
          current={conflict}
          onLoadCurrent={() => {
            setBase(conflict);
            form.setFieldsValue(toValues(conflict));
            setConflict(null);
          }}
          fields={[
            field('name'),
            field('title'),
            field('mobile'),
            field('phone'),
            field('email'),
            field('wechatId'),
            {
              path: 'preferredChannel',
              label: t('accounts.contactFields.preferredChannel'),
              format: (v) => label('preferredChannel', v as string | null),
            },
            {
              path: 'isPrimary',
              label: t('accounts.contactFields.isPrimary'),
              format: (v) => (v ? t('common.yes') : t('common.no')),
            },
          ]}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <ContactFields />
      </Form>
    </Modal>
  );
}
