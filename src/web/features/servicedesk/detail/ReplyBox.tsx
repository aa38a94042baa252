import { Alert, App, Button, Checkbox, Flex, Input, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerMessage, useReply } from '../api';

type Mode = 'reply' | 'note' | 'customer';

/** Reply to the customer, add an internal note, or log what the customer said. */
export function ReplyBox({
  ticketId,
  insertion,
}: {
  ticketId: string;
  insertion?: { text: string; n: number } | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reply = useReply(ticketId);
  const customer = useCustomerMessage(ticketId);
  const [mode, setMode] = useState<Mode>('reply');
  const [body, setBody] = useState('');
  const [awaiting, setAwaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = reply.isPending || customer.isPending;
  // an article inserted from the knowledge-base panel is appended to what is being written
  useEffect(() => {
    if (insertion) setBody((b) => (b.trim() ? `${b}\n${insertion.text}` : insertion.text));
  }, [insertion]);

  const send = () => {
    if (!body.trim()) return setError(t('conversation.bodyRequired'));
    setError(null);
    const done = {
      onSuccess: () => {
        setBody('');
        setAwaiting(false);
        message.success(t('ticket.saved'));
      },
      onError: (e: Error) => setError(e.message),
    };
    if (mode === 'customer') customer.mutate({ body }, done);
    else
      reply.mutate({ body, internal: mode === 'note', awaitingCustomer: mode === 'reply' && awaiting }, done);
  };

  return (
    <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="reply-box">
      <Segmented<Mode>
        value={mode}
        onChange={setMode}
        data-testid="reply-mode"
        options={[
          { value: 'reply', label: t('conversation.reply') },
          { value: 'note', label: t('conversation.note') },
          { value: 'customer', label: t('conversation.customerMessage') },
        ]}
      />
      <Input.TextArea
        rows={4}
        maxLength={20_000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        data-testid="reply-body"
        placeholder={
          mode === 'reply'
            ? t('conversation.placeholderReply')
            : mode === 'note'
              ? t('conversation.placeholderNote')
              : t('conversation.placeholderCustomer')
        }
        style={mode === 'note' ? { borderStyle: 'dashed' } : undefined}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        {mode === 'reply' ? (
          <Checkbox
            checked={awaiting}
            onChange={(e) => setAwaiting(e.target.checked)}
            data-testid="reply-awaiting"
          >
            {t('conversation.awaitingCustomer')}
          </Checkbox>
        ) : (
          <span />
        )}
        <Button type="primary" loading={pending} onClick={send} data-testid="reply-send">
          {mode === 'customer' ? t('conversation.log') : t('conversation.send')}
        </Button>
      </Flex>
    </Flex>
  );
}
