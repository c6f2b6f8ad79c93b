/**
 * Around every page, which is loaded on demand (React.lazy): the app's spinner while its
 * code arrives, and an error state instead of a blank screen when the code cannot be
 * loaded (offline, or a new version was deployed and the old file names are gone) or the
 * page throws while rendering.
 */
import { Button, Flex, Result, Spin } from 'antd';
import { Component, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/** The app's loading spinner; `fullScreen` centres it in the window (before the shell exists). */
export function Loading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}

/** The error state; the technical message is in the console (React reports caught errors there). */
function PageFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('error.pageFailed')}
      subTitle={t('error.pageFailedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}

class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

/**
 * A page with its loading and error states. Give it `key={path}` so that leaving a page
 * that failed clears the error.
 */
export function PageFrame({ children }: { children: ReactNode }) {
  return (
    <PageBoundary>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </PageBoundary>
  );
}
