import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentSession } from '../auth/api';
import { useAssignees } from './api';

/**
 * Picks a staff member: yourself and the members of your teams, or anyone active on the desk for
 * managers and administrators (the server's rule, GET /service-desk/assignees). `extra` adds choices
 * such as "unassigned".
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
  const staff = useAssignees(can('tickets.write')).data?.items ?? [];
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
