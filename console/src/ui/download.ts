import type { ApiClient } from '../api/ApiClient.ts';

/** Fetches an export with the token (a plain link could not send it) and saves it under `name`. */
export async function download(api: ApiClient, path: string, name: string): Promise<void> {
  const { body } = await api.text(path);
  const url = URL.createObjectURL(body);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
