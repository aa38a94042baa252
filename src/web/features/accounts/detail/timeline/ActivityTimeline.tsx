import { Button, Empty, Flex, Select, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../../components/ErrorPages';
import { useFormatDateTime } from '../../../../components/format';
import { useTimeline, useTimelineSources } from '../../api';
import { rendererFor } from './registry';

/**
 * An account's activity, newest first, one page at a time ("load more" follows the cursor). With
 * `sources` fixed (the notes tab) there is no source picker.
 */
export function ActivityTimeline({ accountId, sources }: { accountId: string; sources?: string[] }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const [picked, setPicked] = useState<string[]>([]);
  const all = useTimelineSources();
  const timeline = useTimeline(accountId, sources ?? picked);
  const sourceLabels: Record<string, string> = t('accounts.timeline.sources', { returnObjects: true });
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      {!sources && (
        <Select<string[]>
          mode="multiple"
          allowClear
          placeholder={t('accounts.timeline.allSources')}
          value={picked}
          onChange={setPicked}
          options={(all.data?.sources ?? []).map((s) => ({ value: s, label: sourceLabels[s] ?? s }))}
          style={{ minWidth: 240, marginBottom: 16 }}
          data-testid="timeline-sources"
        />
      )}
      {timeline.isPending ? (
        <Skeleton active />
      ) : timeline.error ? (
        <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Empty
          description={sources?.includes('notes') ? t('accounts.notes.empty') : t('accounts.timeline.empty')}
        />
      ) : (
        <div data-testid="timeline">
          <Timeline
            items={items.map((item) => {
              const r = rendererFor(item.source);
              return {
                key: item.key,
                color: r.color,
                icon: r.icon,
                content: (
                  <>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmt(item.at)}
                    </Typography.Text>
                    <r.Body item={item} />
                  </>
                ),
              };
            })}
          />
          <Flex justify="center">
            {timeline.hasNextPage ? (
              <Button loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
                {t('accounts.timeline.loadMore')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{t('accounts.timeline.end')}</Typography.Text>
            )}
          </Flex>
        </div>
      )}
    </>
  );
}
