import i18n from '../i18n';
import { ApiError } from './client';

/**
 * Downloads a file the API answers (an error report) in the UI's language — a plain link would send the
 * browser's language instead — and saves it under the name the server gives.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/api/v1${path}`, {
    headers: { 'Accept-Language': i18n.language },
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  });
  if (!res.ok) {
    const err = ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } })
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? i18n.t('errors.unexpected', { status: res.status }),
    );
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
