/**
 * A small path router on the History API (no router dependency): the current location as
 * an external store, `navigate()` to move, `<Link>` for anchors that stay in the app.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route, routeHref } from './routes';

const listeners = new Set<() => void>();

function emit() {
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

function snapshot(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Goes to `to` (a route or an in-app path). `replace` rewrites the current history entry. */
export function navigate(to: Route | string, options: { replace?: boolean } = {}): void {
  const href = typeof to === 'string' ? to : routeHref(to);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  emit();
}

/** The current screen, re-rendering when it changes. */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, snapshot, snapshot);
  return useMemo(() => {
    const url = new URL(location, 'http://app.invalid');
    return parseRoute(url.pathname, url.search);
  }, [location]);
}

/** An anchor to an in-app route: a plain click navigates without reloading the page. */
export function Link({
  to,
  onClick,
  ...rest
}: { to: Route } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const href = routeHref(to);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
