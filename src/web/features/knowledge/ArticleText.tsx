import { Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { type Inline, parseArticle } from './articleMarkup';

function Inlines({ parts }: { parts: Inline[] }) {
  return parts.map((p, i) => {
    const key = `${i}-${p.kind}`;
    if (p.kind === 'bold') return <strong key={key}>{p.text}</strong>;
    if (p.kind === 'link')
      return p.href.startsWith('/') ? (
        <Link key={key} to={p.href}>
          {p.text}
        </Link>
      ) : (
        <a key={key} href={p.href} target="_blank" rel="noopener noreferrer nofollow">
          {p.text}
        </a>
      );
    return <Fragment key={key}>{p.text}</Fragment>;
  });
}

/** An article's text rendered from its markup as React elements (never as HTML). */
export function ArticleText({ text }: { text: string }) {
  const blocks = useMemo(() => parseArticle(text), [text]);
  return (
    <Typography data-testid="article-text">
      {blocks.map((b, i) => {
        const key = `${i}-${b.kind}`;
        if (b.kind === 'heading')
          return (
            <Typography.Title key={key} level={4}>
              <Inlines parts={b.content} />
            </Typography.Title>
          );
        if (b.kind === 'list')
          return (
            <ul key={key}>
              {b.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
                <li key={j}>
                  <Inlines parts={item} />
                </li>
              ))}
            </ul>
          );
        return (
          <Typography.Paragraph key={key}>
            {b.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
              <Fragment key={j}>
                {j > 0 && <br />}
                <Inlines parts={line} />
              </Fragment>
            ))}
          </Typography.Paragraph>
        );
      })}
    </Typography>
  );
}
