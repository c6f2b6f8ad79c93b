/**
 * A minimal history-API router (the app has a handful of pages; no router dependency):
 * the current path as React state, `navigate` to change it, links that keep ctrl/⌘-click.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Goes to `path` (pushes a history entry unless `replace`). */
export function navigate(path: string, replace = false): void {
  if (path === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

/** The current path (without query). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** onClick for an <a href>: plain clicks navigate in the app, modified clicks open normally. */
export function linkClick(path: string) {
  return (event: {
    preventDefault(): void;
    metaKey: boolean;
    ctrlKey: boolean;
    shiftKey: boolean;
    button: number;
  }) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(path);
  };
}
