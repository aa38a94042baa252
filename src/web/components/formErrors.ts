import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';

/**
 * Puts the API's per-field messages (`error.fields`, keyed by dotted path) on the form's fields and
 * returns the overall message to show above the form.
 */
export function applyApiError(form: FormInstance, error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  if (error.fields) {
    form.setFields(
      Object.entries(error.fields).map(([path, message]) => ({ name: path.split('.'), errors: [message] })),
    );
  }
  return error.message;
}
