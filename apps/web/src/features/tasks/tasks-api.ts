import type { RecordType, TaskCreate, taskPriorities, taskTypes } from '@relata/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import { type FilterCondition, listSearchParams } from '../../lib/list-query.ts';

export type TaskType = (typeof taskTypes)[number];
export type TaskPriority = (typeof taskPriorities)[number];

export type Task = {
  id: string;
  title: string;
  type: TaskType;
  notes: string;
  dueAt: string | null;
  overdue: boolean;
  priority: TaskPriority;
  status: 'open' | 'done' | 'cancelled';
  assigneeId: string | null;
  contactId: string | null;
  accountId: string | null;
  interactionId: string | null;
  completedAt: string | null;
  createdAt: string;
  version: number;
};

export function useTasks(filters: FilterCondition[], sort = 'dueAt', limit = 50) {
  return useInfiniteQuery({
    queryKey: ['tasks', 'list', { filters, sort, limit }],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Task>>('/tasks', { query: listSearchParams({ filters, sort, limit }, pageParam), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The open tasks of a contact or account, soonest due first. */
export function useOpenTasksOf(type: RecordType, id: string) {
  return useTasks(
    [
      { field: type === 'contact' ? 'contactId' : 'accountId', op: 'eq', value: id },
      { field: 'status', op: 'eq', value: 'open' },
    ],
    'dueAt',
    20,
  );
}

function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useCreateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: async (body: Partial<TaskCreate>) =>
      (await api<Single<Task>>('/tasks', { method: 'POST', body })).data,
    onSuccess: invalidate,
  });
}

/** Marks a task done (or open again), guarded by its version. */
export function useSetTaskStatus() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: async ({ task, status }: { task: Task; status: Task['status'] }) =>
      (
        await api<Single<Task>>(`/tasks/${task.id}`, {
          method: 'PATCH',
          body: { status },
          version: task.version,
        })
      ).data,
    onSettled: invalidate,
  });
}
