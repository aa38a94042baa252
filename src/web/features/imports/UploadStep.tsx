import { InboxOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Descriptions, Flex, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  ENCODING_CHOICES,
  type EncodingChoice,
  hasFileIssues,
  type ImportJob,
  isEditable,
  useChangeMapping,
  useImportPreview,
  useUploadImport,
} from './api';
import type { ImportEntity } from './entities';
import { FileIssues } from './IssueTable';

function EncodingSelect({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (v: EncodingChoice) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select<EncodingChoice>
      data-testid="encoding-select"
      value={value as EncodingChoice}
      onChange={onChange}
      disabled={disabled}
      style={{ width: 200 }}
      options={ENCODING_CHOICES.map((e) => ({ value: e, label: t(`imports.upload.encodings.${e}`) }))}
    />
  );
}

/** Step 1 without a job: the encoding (auto by default) and the file, dropped or chosen. */
export function UploadDropzone({ entity }: { entity: ImportEntity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const upload = useUploadImport(entity.uploadPath);
  return (
    <>
      <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text>{t('imports.upload.encoding')}</Typography.Text>
        <EncodingSelect value={encoding} onChange={setEncoding} />
        <Typography.Text type="secondary">{t('imports.upload.encodingHelp')}</Typography.Text>
      </Flex>
      {upload.error && (
        <Alert type="error" showIcon title={upload.error.message} style={{ marginBottom: 16 }} />
      )}
      <Upload.Dragger
        data-testid="import-dropzone"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          upload.mutate(
            { file, encoding },
            { onSuccess: (job) => navigate(`/imports/${job.id}`, { state: { step: 0 } }) },
          );
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.drop')}</p>
        <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
      </Upload.Dragger>
    </>
  );
}

/** Step 1 with a job: what was read (format, encoding, rows) and the first rows, encoding changeable. */
export function UploadedFile({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const change = useChangeMapping(job.id);
  const preview = useImportPreview(job);
  const editable = isEditable(job);
  const fileProblems = job.fileIssues.filter((i) => !i.code.startsWith('mapping.'));
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        data-testid="file-facts"
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label={t('imports.upload.file')}>{job.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('imports.upload.format')}>{job.format.toUpperCase()}</Descriptions.Item>
        <Descriptions.Item label={t('imports.upload.rows')}>{job.counts.total}</Descriptions.Item>
        {job.format === 'csv' && (
          <Descriptions.Item label={t('imports.upload.detected')}>
            <span data-testid="detected-encoding">{job.encoding?.toUpperCase() ?? '—'}</span>
          </Descriptions.Item>
        )}
        {job.delimiter && (
          <Descriptions.Item label={t('imports.upload.delimiter')}>
            <Typography.Text code>{job.delimiter === '\t' ? 'TAB' : job.delimiter}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex wrap gap={16} align="center" style={{ marginBottom: 16 }}>
        {job.format === 'csv' && (
          <Flex align="center" gap={8}>
            <Typography.Text>{t('imports.upload.encoding')}</Typography.Text>
            <EncodingSelect
              value={job.encodingChoice}
              disabled={!editable || change.isPending}
              onChange={(encoding) => change.mutate({ encoding })}
            />
          </Flex>
        )}
        <Checkbox
          checked={job.hasHeader}
          disabled={!editable || change.isPending || hasFileIssues(job)}
          onChange={(e) => change.mutate({ hasHeader: e.target.checked })}
        >
          {t('imports.upload.hasHeader')}
        </Checkbox>
      </Flex>
      {change.error && (
        <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />
      )}
      <FileIssues issues={fileProblems} title={t('imports.check.fileProblems')} />
      {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
      {editable && fileProblems.length === 0 && (
        <>
          <Typography.Title level={5}>{t('imports.upload.preview')}</Typography.Title>
          <Table
            data-testid="import-preview"
            size="small"
            loading={preview.isFetching}
            rowKey="line"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={preview.data?.rows}
            columns={[
              { key: 'line', title: t('imports.upload.line'), dataIndex: 'line', width: 64 },
              ...(preview.data?.header ?? []).map((h, i) => ({
                key: `c${i}`,
                title: h,
                render: (_: unknown, r: { cells: string[] }) => r.cells[i],
              })),
            ]}
          />
        </>
      )}
    </>
  );
}
