import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ImportJob, isEditable, useChangeMapping, useImportPreview } from './api';
import { type ImportEntity, requirement, targetLabel } from './entities';
import { FileIssues } from './IssueTable';

type Column = ImportJob['mapping'][number];

/** The required fields of the entity, each ticked when a column is mapped to it. */
function RequiredFields({ entity, mapped }: { entity: ImportEntity; mapped: Set<string> }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" data-testid="required-fields" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('imports.mapping.requiredFields')}</Typography.Text>
      {entity.required.map((group) => {
        const ok = group.targets.some((target) => mapped.has(target));
        const label = group.targets.map((target) => targetLabel(t, entity.kind, target)).join(' / ');
        return (
          <Tag
            key={group.targets.join()}
            color={ok ? 'success' : group.inUpsert ? 'default' : 'error'}
            icon={ok ? <CheckCircleFilled /> : <ExclamationCircleOutlined />}
          >
            {label}
            {group.inUpsert && ` (${t('imports.mapping.requiredInUpsert')})`}
          </Tag>
        );
      })}
    </Flex>
  );
}

/** Step 2: each column's field, guessed or remembered, editable; required fields and unmapped columns flagged. */
export function MappingStep({ job, entity }: { job: ImportJob; entity: ImportEntity }) {
  const { t } = useTranslation();
  const change = useChangeMapping(job.id);
  const preview = useImportPreview(job);
  const editable = isEditable(job);
  const mapped = new Set(job.mapping.flatMap((m) => (m.target ? [m.target] : [])));
  const unmapped = job.mapping.filter((m) => m.target === null).length;
  const mark = (target: string) => {
    const need = requirement(entity, target);
    return need === 'always' ? ' *' : need === 'upsert' ? ' †' : '';
  };
  const options = [
    { value: '', label: t('imports.mapping.notImported') },
    ...job.targets.map((target) => ({
      value: target,
      label: `${targetLabel(t, entity.kind, target)}${mark(target)}`,
    })),
  ];
  const samples = (column: number) =>
    (preview.data?.rows ?? [])
      .map((r) => r.cells[column])
      .filter(Boolean)
      .slice(0, 3);

  return (
    <>
      <Typography.Paragraph>{t('imports.mapping.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag color={job.mappingSource === 'guessed' ? 'blue' : 'green'} data-testid="mapping-source">
          {t(`imports.mapping.source.${job.mappingSource}`)}
        </Tag>
        {unmapped > 0 && (
          <Tag color="warning" data-testid="unmapped-count">
            {t('imports.mapping.unmapped', { count: unmapped })}
          </Tag>
        )}
      </Space>
      <RequiredFields entity={entity} mapped={mapped} />
      <FileIssues
        issues={job.fileIssues.filter((i) => i.code.startsWith('mapping.'))}
        title={t('imports.mapping.problems')}
      />
      {change.error && (
        <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />
      )}
      <Table<Column>
        data-testid="mapping-table"
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={job.mapping}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'header', title: t('imports.mapping.column'), dataIndex: 'header' },
          {
            key: 'samples',
            title: t('imports.mapping.samples'),
            render: (_, m) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                {samples(m.column).join(' · ')}
              </Typography.Text>
            ),
          },
          {
            key: 'target',
            title: t('imports.mapping.target'),
            render: (_, m) => (
              <Flex gap={8} align="center">
                <Select
                  data-testid={`mapping-${m.column}`}
                  value={m.target ?? ''}
                  disabled={!editable || change.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 260 }}
                  options={options}
                  onChange={(target: string) =>
                    change.mutate({ mapping: [{ column: m.column, target: target || null }] })
                  }
                />
                {m.target === null && <Tag color="warning">{t('imports.mapping.notImported')}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        * {t('imports.mapping.required')} · † {t('imports.mapping.requiredInUpsert')}
      </Typography.Paragraph>
    </>
  );
}
