import { describe, expect, it } from 'vitest';
import { parseArticle, parseInline } from './articleMarkup';

describe('article markup', () => {
  it('reads headings, paragraphs, lists, bold and links', () => {
    const blocks = parseArticle(
      '# 破损理赔\n\n收到投诉后：\n- 收集**照片**\n- 查看[轨迹](/shipments/1)\n\n结束',
    );
    expect(blocks).toEqual([
      { kind: 'heading', content: [{ kind: 'text', text: '破损理赔' }] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: '收到投诉后：' }]] },
      {
        kind: 'list',
        items: [
          [
            { kind: 'text', text: '收集' },
            { kind: 'bold', text: '照片' },
          ],
          [
            { kind: 'text', text: '查看' },
            { kind: 'link', text: '轨迹', href: '/shipments/1' },
          ],
        ],
      },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: '结束' }]] },
    ]);
  });

  it('keeps unsafe links and HTML as plain text', () => {
    expect(parseInline('[x](javascript:alert(1)) <script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '[x](javascript:alert(1)' },
      { kind: 'text', text: ') <script>alert(1)</script>' },
    ]);
    expect(parseInline('[a](//evil.example) [b](data:text/html,x)').every((i) => i.kind === 'text')).toBe(
      true,
    );
    expect(parseInline('[ok](https://example.com/a)')).toEqual([
      { kind: 'link', text: 'ok', href: 'https://example.com/a' },
    ]);
  });
});
