import { Checkbox, Flex, Input, Radio, Typography } from 'antd';
import type { SurveyQuestion } from './api';

/** How the questions read to a respondent in one language (answers here are not saved). */
export function TemplatePreview({
  questions,
  locale,
}: {
  questions: SurveyQuestion[];
  locale: 'zh-CN' | 'en-US';
}) {
  const text = (o: { textZh?: string; textEn?: string }) => (locale === 'zh-CN' ? o.textZh : o.textEn) ?? '';
  return (
    <Flex vertical gap={12} data-testid="template-preview">
      {questions.map((q, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: questions being edited may share or lack keys; the position is their identity in the form
        <div key={i}>
          <Typography.Text strong>
            {text(q ?? {})}
            {q?.required ? ' *' : ''}
          </Typography.Text>
          <div>
            {(q?.type === 'rating' || q?.type === 'importance') && (
              <Radio.Group options={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: v }))} />
            )}
            {q?.type === 'nps' && (
              <Radio.Group options={Array.from({ length: 11 }, (_, v) => ({ value: v, label: v }))} />
            )}
            {q?.type === 'single' && (
              <Radio.Group
                options={(q.options ?? []).map((o) => ({ value: o?.key, label: text(o ?? {}) }))}
              />
            )}
            {q?.type === 'multiple' && (
              <Checkbox.Group
                options={(q.options ?? []).map((o) => ({ value: o?.key, label: text(o ?? {}) }))}
              />
            )}
            {q?.type === 'text' && <Input.TextArea rows={2} />}
          </div>
        </div>
      ))}
    </Flex>
  );
}
