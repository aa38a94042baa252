import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useCursorPager } from './useCursorPager';

export function Pager({
  pager,
  nextCursor,
  loading,
}: {
  pager: ReturnType<typeof useCursorPager>;
  nextCursor: string | null | undefined;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 16 }}>
      <Button icon={<LeftOutlined />} disabled={!pager.hasPrevious || loading} onClick={pager.previous}>
        {t('common.previous')}
      </Button>
      <Typography.Text data-testid="pager-page">{t('common.page', { page: pager.page })}</Typography.Text>
      <Button disabled={!nextCursor || loading} onClick={() => nextCursor && pager.next(nextCursor)}>
        {t('common.next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
