import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AccountDto, type MergeSide, useMergeAccounts } from './api';
import { accountName } from './vocabulary';

/**
 * Asks for confirmation, saying that a merge is final and what moves, then merges `loser` into
 * `survivor` at the versions shown. Resolves with the survivor once merged.
 */
export function useMergeConfirm() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const merge = useMergeAccounts();
  const tables: Record<string, string> = t('accounts.merge.tables', { returnObjects: true });

  return (survivor: MergeSide, loser: MergeSide, onDone?: (survivor: AccountDto) => void) => {
    const names = {
      survivor: `${survivor.code} ${accountName(survivor)}`,
      loser: `${loser.code} ${accountName(loser)}`,
    };
    modal.confirm({
      title: t('accounts.merge.confirmTitle', names),
      width: 520,
      okText: t('accounts.merge.confirm'),
      okButtonProps: { danger: true, 'data-testid': 'merge-confirm' },
      cancelText: t('common.cancel'),
      content: (
        <>
          <Typography.Paragraph strong type="danger">
            {t('accounts.merge.final')}
          </Typography.Paragraph>
          <Typography.Paragraph>{t('accounts.merge.whatMoves', names)}</Typography.Paragraph>
        </>
      ),
      onOk: () =>
        merge
          .mutateAsync({ survivor, loser })
          .then((r) => {
            const moved = Object.entries(r.moved)
              .filter(([, n]) => n > 0)
              .map(([table, count]) =>
                t('accounts.merge.movedItem', { table: tables[table] ?? table, count }),
              )
              .join(', ');
            message.success(t('accounts.merge.done', { moved: moved || '0' }));
            onDone?.(r.survivor);
          })
          .catch((e: Error) => {
            message.error(e.message);
          }),
    });
  };
}
