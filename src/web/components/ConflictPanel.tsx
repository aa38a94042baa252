import { Alert, Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ConflictField {
  /** Dotted path into the record, e.g. `settings.timezone`. */
  path: string;
  label: string;
  format?: (value: unknown) => string;
}

const at = (record: object, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      record,
    );

const show = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * Shown after a 409 VERSION_CONFLICT: which fields someone else changed since this form was opened,
 * and a button to start again from the record as it now is.
 */
export function ConflictPanel({
  base,
  current,
  fields,
  onLoadCurrent,
}: {
  base: object;
  current: object;
  fields: ConflictField[];
  onLoadCurrent: () => void;
}) {
  const { t } = useTranslation();
  const changed = fields
    .map((f) => {
      const fmt = f.format ?? show;
      return { key: f.path, label: f.label, before: fmt(at(base, f.path)), after: fmt(at(current, f.path)) };
    })
    .filter((r) => r.before !== r.after);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="version-conflict"
      title={t('conflict.title')}
      description={
        <>
          <p style={{ marginTop: 0 }}>{t('conflict.description')}</p>
          {changed.length ? (
            <Table
              size="small"
              pagination={false}
              dataSource={changed}
              columns={[
                { title: t('conflict.field'), dataIndex: 'label' },
                { title: t('conflict.yours'), dataIndex: 'before' },
                { title: t('conflict.theirs'), dataIndex: 'after' },
              ]}
            />
          ) : (
            <p>{t('conflict.noVisibleChanges')}</p>
          )}
          <Button style={{ marginTop: 12 }} onClick={onLoadCurrent}>
            {t('conflict.loadCurrent')}
          </Button>
        </>
      }
    />
  );
}
