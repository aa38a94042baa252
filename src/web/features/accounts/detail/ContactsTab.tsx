import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactChannel } from '../../../../shared/customers/labels';
import { LoadError } from '../../../components/ErrorPages';
import { type ContactDto, useContacts, useSaveContact, useSetContactArchived } from '../api';
import { useVocabulary } from '../vocabulary';
import { ContactFormDialog } from './ContactFormDialog';

/** The account's contacts: primary first; add, edit, archive or restore, make one the primary. */
export function ContactsTab({ accountId, editable }: { accountId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label } = useVocabulary();
  const [archived, setArchived] = useState(false);
  const contacts = useContacts(accountId, archived);
  const save = useSaveContact(accountId);
  const setContactArchived = useSetContactArchived(accountId);
  const [editing, setEditing] = useState<{ contact?: ContactDto } | null>(null);
  const onError = (e: Error) => message.error(e.message);

  const makePrimary = (c: ContactDto) =>
    save.mutate(
      {
        contactId: c.id,
        version: c.version,
        contact: {
          name: c.name,
          title: c.title,
          mobile: c.mobile,
          phone: c.phone,
          email: c.email,
          wechatId: c.wechatId,
          preferredChannel: c.preferredChannel as ContactChannel | null,
          isPrimary: true,
          portalAccess: c.portalAccess,
        },
      },
      { onSuccess: () => message.success(t('accounts.contacts.saved')), onError },
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Switch checked={archived} onChange={setArchived} size="small" />
          <Typography.Text>{t('accounts.contacts.showArchived')}</Typography.Text>
        </Space>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="contact-add">
            {t('accounts.contacts.add')}
          </Button>
        )}
      </Flex>
      {contacts.error ? (
        <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : (
        <Table<ContactDto>
          rowKey="id"
          size="small"
          loading={contacts.isFetching}
          dataSource={contacts.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('accounts.contacts.empty') }}
          data-testid="contacts-table"
          columns={[
            {
              title: t('accounts.contactFields.name'),
              key: 'name',
              render: (_, c) => (
                <Space size={4}>
                  {c.name}
                  {c.isPrimary && (
                    <Tag color="gold" icon={<StarFilled />}>
                      {t('accounts.contacts.primary')}
                    </Tag>
                  )}
                  {c.archivedAt && <Tag>{t('accounts.duplicates.archivedTag')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('accounts.contactFields.title'),
              dataIndex: 'title',
              render: (v) => v ?? t('common.none'),
            },
            {
              title: t('accounts.contactFields.mobile'),
              dataIndex: 'mobile',
              render: (v) => v ?? t('common.none'),
            },
            {
              title: t('accounts.contactFields.phone'),
              dataIndex: 'phone',
              render: (v) => v ?? t('common.none'),
            },
            {
              title: t('accounts.contactFields.email'),
              dataIndex: 'email',
              render: (v) => v ?? t('common.none'),
            },
            {
              title: t('accounts.contactFields.wechatId'),
              dataIndex: 'wechatId',
              render: (v) => v ?? t('common.none'),
            },
            {
              title: t('accounts.contactFields.preferredChannel'),
              dataIndex: 'preferredChannel',
              render: (v: string | null) => label('preferredChannel', v),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, c: ContactDto) =>
                      c.archivedAt ? (
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            setContactArchived.mutate({ contact: c, archived: false }, { onError })
                          }
                        >
                          {t('accounts.contacts.restore')}
                        </Button>
                      ) : (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => setEditing({ contact: c })}>
                            {t('common.edit')}
                          </Button>
                          {!c.isPrimary && (
                            <Button type="link" size="small" onClick={() => makePrimary(c)}>
                              {t('accounts.contacts.setPrimary')}
                            </Button>
                          )}
                          <Popconfirm
                            title={t('accounts.contacts.archiveConfirm', { name: c.name })}
                            okText={t('common.yes')}
                            cancelText={t('common.no')}
                            onConfirm={() =>
                              setContactArchived.mutate({ contact: c, archived: true }, { onError })
                            }
                          >
                            <Button type="link" size="small" danger>
                              {t('accounts.contacts.archive')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <ContactFormDialog
        accountId={accountId}
        open={!!editing}
        contact={editing?.contact}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
