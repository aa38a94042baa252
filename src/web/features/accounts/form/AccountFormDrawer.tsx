import { Alert, App, Button, Divider, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerVocabulary } from '../../../../shared/customers/labels';
import { isApiError } from '../../../api/client';
import { type ConflictField, ConflictPanel } from '../../../components/ConflictPanel';
import { applyApiError } from '../../../components/formErrors';
import { useCan } from '../../auth/api';
import { type AccountDto, useCreateAccount, useOwnerOptions, useUpdateAccount } from '../api';
import { accountName, type TransportNeedsLike, useVocabulary } from '../vocabulary';
import { AccountFields } from './AccountFields';
import { ContactsListFields } from './ContactFields';
import { DuplicateWarning } from './DuplicateWarning';
import { TransportFields } from './TransportFields';
import { type AccountFormValues, emptyAccountValues, toAccountBody, toFormValues } from './values';

/** The fields a 409 compares between the version the form started from and the current one. */
function useConflictFields(): ConflictField[] {
  const { t } = useTranslation();
  const { label, transportNeeds } = useVocabulary();
  const vocab = (path: string, vocabulary: CustomerVocabulary, text: string): ConflictField => ({
    path,
    label: text,
    format: (v) => label(vocabulary, v as string | null),
  });
  const plain = (path: 'code' | 'nameZh' | 'nameEn' | 'creditCode' | 'province' | 'city' | 'address') => ({
    path,
    label: t(`accounts.fields.${path}`),
  });
  return [
    plain('code'),
    plain('nameZh'),
    plain('nameEn'),
    plain('creditCode'),
    vocab('industry', 'industry', t('accounts.fields.industry')),
    vocab('size', 'size', t('accounts.fields.size')),
    plain('province'),
    plain('city'),
    plain('address'),
    vocab('source', 'source', t('accounts.fields.source')),
    vocab('status', 'status', t('accounts.fields.status')),
    vocab('tier', 'tier', t('accounts.fields.tier')),
    vocab('lifecycleStage', 'lifecycleStage', t('accounts.fields.lifecycleStage')),
    { path: 'tags', label: t('accounts.fields.tags'), format: (v) => (v as string[]).join(', ') || '—' },
    { path: 'creditTermsDays', label: t('accounts.fields.creditTermsDays') },
    {
      path: 'transportNeeds',
      label: t('accounts.fields.transportNeeds'),
      format: (v) => transportNeeds(v as TransportNeedsLike),
    },
    { path: 'requirements', label: t('accounts.fields.requirements') },
    { path: 'archivedAt', label: t('accounts.fields.archivedAt') },
  ];
}

/** Create an account with its first contacts (`account` undefined) or edit one at the version it was read. */
export function AccountFormDrawer({
  open,
  account,
  onClose,
  onSaved,
}: {
  open: boolean;
  account?: AccountDto;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const assign = can('accounts.assign');
  const owners = useOwnerOptions(open && assign);
  const [form] = Form.useForm<AccountFormValues>();
  const [base, setBase] = useState<AccountDto | undefined>(account);
  const [conflict, setConflict] = useState<AccountDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const conflictFields = useConflictFields();

  // filled once per opening: a background refetch of the account must not wipe what is being typed
  // (a newer version saved meanwhile surfaces as a 409 on save, with what changed)
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!open) {
      filledFor.current = null;
      return;
    }
    const key = account?.id ?? 'new';
    if (filledFor.current === key) return;
    filledFor.current = key;
    setBase(account);
    setConflict(null);
    setError(null);
    form.resetFields();
    form.setFieldsValue(account ? toFormValues(account) : emptyAccountValues());
  }, [open, account, form]);

  const fail = (e: unknown) => {
    if (isApiError(e, 'VERSION_CONFLICT') && e.current) {
      setConflict(e.current as unknown as AccountDto);
      setError(null);
    } else setError(applyApiError(form, e));
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!v.account.nameZh?.trim() && !v.account.nameEn?.trim()) {
      form.setFields([{ name: ['account', 'nameZh'], errors: [t('accounts.form.nameRequired')] }]);
      return;
    }
    setError(null);
    const body = toAccountBody(v.account);
    if (!base) {
      create.mutate(
        { account: body, contacts: v.contacts ?? [], requirements: v.requirements?.trim() || undefined },
        {
          onSuccess: (r) => {
            message.success(t('accounts.form.created'));
            onClose();
            onSaved?.(r.account.id);
          },
          onError: fail,
        },
      );
      return;
    }
    update.mutate(
      {
        id: base.id,
        version: base.version,
        // Without accounts.assign the owner stays as it is; changing it is its own action.
        account: { ...body, ownerId: assign ? body.ownerId : (base.ownerId ?? undefined) },
        requirements: v.requirements?.trim() || null,
      },
      {
        onSuccess: (saved) => {
          message.success(t('accounts.form.saved'));
          onClose();
          onSaved?.(saved.id);
        },
        onError: fail,
      },
    );
  };

  // A 409 carries the account without its owner's name: name the owner from the users list when we have it.
  const ownerLabel = (id: unknown) =>
    id === null || id === undefined
      ? t('accounts.detail.unassigned')
      : (owners.data?.items.find((u) => u.id === id)?.name ??
        (id === base?.ownerId ? base?.ownerName : null) ??
        String(id));

  const loadCurrent = () => {
    if (!conflict) return;
    setBase(conflict);
    form.setFieldsValue(toFormValues(conflict));
    setConflict(null);
  };

  const ownerField = assign ? (
    <Form.Item name={['account', 'ownerId']} label={t('accounts.fields.ownerId')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('accounts.detail.unassigned')}
        loading={owners.isPending}
        options={(owners.data?.items ?? [])
          .filter((u) => u.role !== 'portal')
          .map((u) => ({ value: u.id, label: u.name }))}
      />
    </Form.Item>
  ) : (
    <Form.Item label={t('accounts.fields.ownerId')}>
      <Typography.Text>{base ? (base.ownerName ?? t('accounts.detail.unassigned')) : null}</Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {base ? t('accounts.form.ownerReadOnly') : t('accounts.form.newOwnerIsYou')}
      </Typography.Text>
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      size="large"
      title={
        account
          ? t('accounts.form.editTitle', { name: accountName(account) })
          : t('accounts.form.createTitle')
      }
      onClose={onClose}
      destroyOnHidden
      data-testid="account-form"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            disabled={!!conflict}
            onClick={() => void submit()}
            data-testid="account-save"
          >
            {account ? t('common.save') : t('common.create')}
          </Button>
        </Space>
      }
    >
      {conflict && base && (
        <ConflictPanel
          base={base}
          current={conflict}
          fields={[
            ...conflictFields,
            { path: 'ownerId', label: t('accounts.fields.ownerId'), format: ownerLabel },
          ]}
          onLoadCurrent={loadCurrent}
        />
      )}
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />
      )}
      <Form form={form} layout="vertical" requiredMark={false}>
        <DuplicateWarning excludeId={account?.id} />
        <AccountFields ownerField={ownerField} />
        <TransportFields />
        <Divider titlePlacement="start">{t('accounts.fields.requirements')}</Divider>
        <Form.Item name="requirements" extra={t('accounts.form.requirementsHelp')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
        {!account && <ContactsListFields />}
      </Form>
    </Drawer>
  );
}
