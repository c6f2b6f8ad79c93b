/** A card's title: the h2 under the page's h1, the same size on every page. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** `children` as a card's heading; `wrap` lets a long title (a seminar's name) wrap instead of being cut. */
export function CardTitle({
  children,
  wrap = false,
}: {
  readonly children: ReactNode;
  readonly wrap?: boolean;
}) {
  return (
    <Typography.Title
      level={2}
      style={{ fontSize: 16, margin: 0, ...(wrap ? { whiteSpace: 'normal' } : {}) }}
    >
      {children}
    </Typography.Title>
  );
}
