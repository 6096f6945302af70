import type { ApiClient } from '../api/ApiClient.ts';

/**
 * The activation a manager's page opens on when none is named: the latest, open or stood down ("current"
 * names only an open one, and answers 404 after stand-down). "current" when there has never been one.
 */
export async function latestActivationId(api: ApiClient): Promise<string> {
  const { data } = await api.read<{ activations: { id: string }[] }>('/activations?limit=1');
  return data.activations[0]?.id ?? 'current';
}
