import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerChildKind } from '../../../shared/partners';
import { applyApiError } from '../../components/formErrors';
import { type PartnerChild, useRemovePartnerChild, useSavePartnerChild } from './api';

type FieldType = 'text' | 'date' | 'bool';
/** The fields of each kind of sub-record, in the order the table and the form show them. */
const FIELDS: Record<
  PartnerChildKind,
  { name: string; label: string; type: FieldType; required?: boolean }[]
> = {
  qualifications: [
    { name: 'kind', label: 'partnerEdit.qualificationKind', type: 'text', required: true },
    { name: 'number', label: 'partnerEdit.number', type: 'text' },
    { name: 'issuedOn', label: 'partnerEdit.issuedOn', type: 'date' },
    { name: 'expiresOn', label: 'partnerEdit.expiresOn', type: 'date' },
  ],
  contacts: [
    { name: 'name', label: 'partnerEdit.contactName', type: 'text', required: true },
    { name: 'title', label: 'partnerEdit.title', type: 'text' },
    { name: 'mobile', label: 'partnerEdit.mobile', type: 'text' },
    { name: 'email', label: 'partnerEdit.email', type: 'text' },
    { name: 'isPrimary', label: 'partnerEdit.primary', type: 'bool' },
  ],
  contracts: [
    { name: 'number', label: 'partnerEdit.contractNumber', type: 'text', required: true },
    { name: 'startsOn', label: 'partnerEdit.startsOn', type: 'date', required: true },
    { name: 'endsOn', label: 'partnerEdit.endsOn', type: 'date' },
    { name: 'terms', label: 'partnerEdit.terms', type: 'text' },
  ],
};

const EXPIRY_COLOR = { valid: 'green', expiring: 'orange', expired: 'red' } as const;

/** One kind of a partner's sub-records: a table with add, edit (with version) and delete. */
export function PartnerChildrenTable({
  partnerId,
  kind,
  items,
  editable,
}: {
  partnerId: string;
  kind: PartnerChildKind;
  items: PartnerChild[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<PartnerChild | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const save = useSavePartnerChild(partnerId, kind);
  const remove = useRemovePartnerChild(partnerId, kind);
  const fields = FIELDS[kind];
  const label = (key: string) => t(key as 'partnerEdit.add');

  const open = (item: PartnerChild | 'new') => {
    setError(null);
    form.resetFields();
    if (item !== 'new')
      form.setFieldsValue(
        Object.fromEntries(
          fields.map((f) => [
            f.name,
            f.type === 'date' && item[f.name] ? dayjs(String(item[f.name])) : item[f.name],
          ]),
        ),
      );
    setEditing(item);
  };
  const submit = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      const x = v[f.name];
      if (f.type === 'date') body[f.name] = x ? (x as Dayjs).format('YYYY-MM-DD') : null;
      else if (f.type === 'bool') body[f.name] = !!x;
      else body[f.name] = typeof x === 'string' && x.trim() !== '' ? x.trim() : null;
    }
    if (editing !== 'new' && editing) body.version = editing.version;
    else for (const k of Object.keys(body)) if (body[k] === null) delete body[k];
    save.mutate(
      { id: editing !== 'new' ? editing?.id : undefined, body },
      {
        onSuccess: () => {
          message.success(t('partnerEdit.saved'));
          setEditing(null);
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };

  return (
    <>
      {editable && (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => open('new')} data-testid={`add-${kind}`}>
            {t('partnerEdit.add')}
          </Button>
        </Flex>
      )}
      <Table<PartnerChild>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid={`partner-${kind}`}
        dataSource={items}
        scroll={{ x: 700 }}
        columns={[
          ...fields.map((f) => ({
            title: label(f.label),
            render: (_: unknown, item: PartnerChild) =>
              f.type === 'bool' ? (item[f.name] ? '✓' : '') : String(item[f.name] ?? '—'),
          })),
          ...(kind === 'qualifications'
            ? [
                {
                  title: t('partnerEdit.expiry'),
                  render: (_: unknown, item: PartnerChild) => {
                    const s = item.expiryState as keyof typeof EXPIRY_COLOR;
                    return <Tag color={EXPIRY_COLOR[s]}>{t(`partnerEdit.expiryStates.${s}`)}</Tag>;
                  },
                },
              ]
            : []),
          ...(editable
            ? [
                {
                  title: '',
                  width: 96,
                  render: (_: unknown, item: PartnerChild) => (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('partnerEdit.edit')}
                        onClick={() => open(item)}
                      />
                      <Popconfirm
                        title={t('partnerEdit.deleteConfirm')}
                        onConfirm={() => remove.mutate(item.id)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('partnerEdit.delete')}
                        />
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={label(`partnerEdit.${kind}`)}
        okText={t('partnerEdit.save')}
        cancelText={t('partnerEdit.cancel')}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        forceRender
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} data-testid={`form-${kind}`}>
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={label(f.label)}
              rules={f.required ? [{ required: true }] : undefined}
              valuePropName={f.type === 'bool' ? 'checked' : 'value'}
            >
              {f.type === 'date' ? <DatePicker /> : f.type === 'bool' ? <Checkbox /> : <Input />}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
