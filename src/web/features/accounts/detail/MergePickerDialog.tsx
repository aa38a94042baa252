import { Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../components/useDebounced';
import { type AccountDto, useAccountSearch } from '../api';
import { useMergeConfirm } from '../useMergeConfirm';
import { accountName } from '../vocabulary';

/** Find the account that is the same customer as `survivor`, then confirm merging it in. */
export function MergePickerDialog({
  survivor,
  open,
  onClose,
}: {
  survivor: AccountDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [pickedId, setPickedId] = useState<string>();
  const search = useAccountSearch(useDebounced(q.trim(), 300));
  const confirmMerge = useMergeConfirm();
  const candidates = (search.data?.items ?? []).filter((a) => a.id !== survivor.id);
  const picked = candidates.find((a) => a.id === pickedId);

  return (
    <Modal
      open={open}
      title={t('accounts.merge.pickTitle', { name: accountName(survivor) })}
      okText={t('accounts.merge.confirm')}
      okButtonProps={{ disabled: !picked, danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => picked && confirmMerge(survivor, picked, onClose)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('accounts.merge.pickHelp')}</Typography.Paragraph>
      <Select<string>
        showSearch={{ filterOption: false, onSearch: setQ }}
        value={pickedId}
        onChange={setPickedId}
        loading={search.isFetching}
        placeholder={t('accounts.merge.pickPlaceholder')}
        notFoundContent={null}
        options={candidates.map((a) => ({ value: a.id, label: `${a.code} · ${accountName(a)}` }))}
        style={{ width: '100%' }}
        data-testid="merge-pick"
      />
    </Modal>
  );
}
