import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { useFormatDateTime } from '../../../components/format';
import { useCan } from '../../auth/api';
import { type AttachmentDto, attachmentUrl, formatBytes, useAttachFile, useAttachments } from './api';

/**
 * A ticket's attachments with an upload button. With `eventId` new files go to that reply or
 * internal note. Files download (never open in the page); the server refuses forbidden types.
 */
export function TicketAttachments({ ticketId, eventId }: { ticketId: string; eventId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const fmt = useFormatDateTime();
  const list = useAttachments(ticketId);
  const attach = useAttachFile(ticketId);
  const [error, setError] = useState<string | null>(null);
  const items = (list.data?.items ?? []).filter((a) => eventId === undefined || a.eventId === eventId);

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <PaperClipOutlined />
          {t('ticketAttachments.title')}
        </Flex>
      }
      extra={
        can('tickets.write') && (
          <Upload
            showUploadList={false}
            multiple
            customRequest={async ({ file }) => {
              setError(null);
              try {
                const a = await attach.mutateAsync({ file: file as File, eventId });
                message.success(t('ticketAttachments.uploaded', { name: a.fileName }));
              } catch (e) {
                // the server's message names the problem (size, type, content) in the user's language
                setError(isApiError(e) ? (Object.values(e.fields ?? {})[0] ?? e.message) : String(e));
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={attach.isPending} data-testid="attach-file">
              {t('ticketAttachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ticketAttachments.limits')}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          message={error}
          style={{ marginBottom: 8 }}
          data-testid="attachment-error"
        />
      )}
      <Table<AttachmentDto>
        rowKey="id"
        size="small"
        data-testid="attachments-table"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('ticketAttachments.empty') }}
        columns={[
          {
            title: t('ticketAttachments.fileName'),
            render: (_, a) => (
              <Flex gap={4} align="center">
                <a href={attachmentUrl(ticketId, a.id)} download={a.fileName}>
                  {a.fileName}
                </a>
                {a.internal && <Tag>{t('ticketAttachments.internal')}</Tag>}
              </Flex>
            ),
          },
          { title: t('ticketAttachments.size'), render: (_, a) => formatBytes(a.sizeBytes) },
          { title: t('ticketAttachments.uploadedBy'), dataIndex: 'uploadedByLabel' },
          { title: t('ticketAttachments.uploadedAt'), render: (_, a) => fmt(a.createdAt) },
        ]}
      />
    </Card>
  );
}
