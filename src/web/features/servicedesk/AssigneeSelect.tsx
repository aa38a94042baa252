import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOwnerOptions } from '../accounts/api';
import { useCan, useCurrentSession } from '../auth/api';

/**
 * Picks a staff member. Everyone may pick themselves; those who may list users (managers,
 * administrators) pick anyone active. `extra` adds choices such as "unassigned".
 */
export function AssigneeSelect({
  value,
  onChange,
  extra = [],
  currentLabel,
  testId,
  placeholder,
}: {
  value?: string | null;
  onChange: (v?: string) => void;
  extra?: { value: string; label: string }[];
  /** The name to show for `value` when it is not among the options (the ticket's assignee). */
  currentLabel?: string | null;
  testId?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { user } = useCurrentSession();
  const users = useOwnerOptions(can('users.read'));
  const staff = (users.data?.items ?? []).filter((u) => u.role !== 'portal' && u.role !== 'analyst');
  const options = [
    ...extra,
    ...(staff.some((u) => u.id === user.id) ? [] : [{ value: user.id, label: user.name }]),
    ...staff.map((u) => ({ value: u.id, label: u.name })),
  ];
  if (value && currentLabel && !options.some((o) => o.value === value))
    options.push({ value, label: currentLabel });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('tickets.assignee')}
      style={{ minWidth: 180 }}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      data-testid={testId}
    />
  );
}
