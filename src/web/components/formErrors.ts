import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';

/** `contacts.0.mobile` → ['contacts', 0, 'mobile']: a Form.List item's name holds a number. */
const toNamePath = (path: string) => path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/**
 * Puts the API's per-field messages (`error.fields`, keyed by dotted path) on the form's fields.
 * Returns what still needs saying above the form: nothing when every message landed on a field,
 * otherwise the overall message and any field messages that have no field on this form.
 */
export function applyApiError(form: FormInstance, error: unknown): string | null {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.fields ?? {});
  if (!fields.length) return error.message;
  form.setFields(fields.map(([path, message]) => ({ name: toNamePath(path), errors: [message] })));
  const shown = new Set(
    form
      .getFieldsError()
      .filter((f) => f.errors.length)
      .map((f) => f.name.join('.')),
  );
  const unplaced = fields.filter(([path]) => !shown.has(path)).map(([, message]) => message);
  return unplaced.length ? [error.message, ...unplaced].join(' — ') : null;
}
