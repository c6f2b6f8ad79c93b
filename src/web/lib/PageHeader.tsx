/** The heading row of a page: its title (the page's h1) and, at the other end, its actions. */
import { Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** The page's title, `title`, with `children` (buttons, a year picker) beside it, wrapping on a phone. */
export function PageHeader({
  title,
  style,
  children,
}: {
  readonly title: ReactNode;
  /** Of the row (e.g. the space to what follows inside the same card). */
  readonly style?: CSSProperties;
  readonly children?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={style}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Flex>
  );
}
