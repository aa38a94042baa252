import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  interactionBodySchema,
  taskBodySchema,
  taskDtoSchema,
} from '../../../shared/servicedesk/interactionSchemas';
import { api, withQuery } from '../../api/client';

export type TaskDto = z.output<typeof taskDtoSchema>;
export type NewTask = z.input<typeof taskBodySchema>;
export type NewInteraction = z.input<typeof interactionBodySchema>;

export function useMyDay() {
  return useQuery({
    queryKey: ['tasks', 'my-day'],
    queryFn: () => api<{ items: TaskDto[] }>('GET', '/tasks/my-day'),
    refetchInterval: 60_000,
  });
}

/** My tasks and return visits due in [from, to): the calendar's visible range. */
export function useMyTasks(from: string, to: string) {
  return useQuery({
    queryKey: ['tasks', 'range', from, to],
    queryFn: () => api<{ items: TaskDto[] }>('GET', withQuery('/tasks', { assigneeId: 'me', from, to })),
  });
}

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: TaskDto) => api<TaskDto>('PUT', `/tasks/${t.id}`, { version: t.version, status: 'done' }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTask) => api<TaskDto>('POST', '/tasks', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

/** Logs an interaction; the account's timeline shows it. */
export function useLogInteraction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewInteraction) => api('POST', '/interactions', body),
    onSuccess: (_r, body) => qc.invalidateQueries({ queryKey: ['accounts', 'detail', body.accountId] }),
  });
}
