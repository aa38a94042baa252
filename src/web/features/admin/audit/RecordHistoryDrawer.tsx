import { Drawer, Skeleton } from 'antd';
import { LoadError } from '../../../components/ErrorPages';
import { AuditTable } from './AuditTable';
import { useRecordHistory } from './api';

/** The change history of one record (GET /audit/:entity/:entityId). */
export function RecordHistoryDrawer({
  entity,
  entityId,
  title,
  onClose,
}: {
  entity: string;
  entityId: string | undefined;
  title: string;
  onClose: () => void;
}) {
  const history = useRecordHistory(entity, entityId);
  return (
    <Drawer open={!!entityId} title={title} onClose={onClose} size="large" destroyOnHidden>
      {history.isPending ? (
        <Skeleton active />
      ) : history.error ? (
        <LoadError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <AuditTable items={history.data.items} loading={history.isFetching} compact />
      )}
    </Drawer>
  );
}
