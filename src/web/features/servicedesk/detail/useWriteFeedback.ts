import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';

/** Success and error messages of a ticket write; the server's localized message is shown as is. */
export function useWriteFeedback() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return {
    onSuccess: () => void message.success(t('ticket.saved')),
    onError: (e: Error) => {
      if (isApiError(e, 'VERSION_CONFLICT')) void message.warning(t('ticket.conflict'));
      else {
        const fields = isApiError(e) ? Object.values(e.fields ?? {}) : [];
        void message.error([e.message, ...fields].join(' — '));
      }
    },
  };
}
