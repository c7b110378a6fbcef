import {
  createContext,
  useContext,
  useEffect,
  useState,
  type AnchorHTMLAttributes,
  type ReactNode,
} from "react";
import { confirmLeave } from "../app-bridge/leave-guard.ts";

// Kept on every in-app URL: a reload must still know the shop (and the CSP depends on it) and the locale.
const APP_PARAMS = ["shop", "host", "embedded", "locale"];

export function withAppParams(path: string): string {
  const current = new URLSearchParams(window.location.search);
  const url = new URL(path, window.location.origin);
  for (const key of APP_PARAMS) {
    const value = current.get(key);
    if (value !== null && !url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return `${url.pathname}${url.search}`;
}

const PathContext = createContext<string>("/admin");

/** Goes to an in-app path once the merchant may leave (a form with unsaved edits asks first). */
export function navigate(path: string): void {
  void confirmLeave().then(() => go(path));
}

function go(path: string): void {
  window.history.pushState(null, "", withAppParams(path));
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}

/** A history-API router: seven flat pages do not need a routing library. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onChange = () => setPath(window.location.pathname);
    window.addEventListener("popstate", onChange);
    return () => window.removeEventListener("popstate", onChange);
  }, []);
  return <PathContext.Provider value={path.replace(/\/+$/, "") || "/admin"}>{children}</PathContext.Provider>;
}

export function usePath(): string {
  return useContext(PathContext);
}

const EXTERNAL = /^(https?:|shopify:|mailto:)/;

/** Polaris' link component: in-app paths navigate without a reload; others behave as plain links. */
export function RouterLink({
  url,
  children,
  external,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { url: string; external?: boolean; children?: ReactNode }) {
  if (EXTERNAL.test(url) || external) {
    return (
      <a href={url} target={rest.target ?? "_blank"} rel="noopener noreferrer" {...rest}>
        {children}
      </a>
    );
  }
  const href = withAppParams(url);
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
          return;
        event.preventDefault();
        navigate(url);
      }}
    >
      {children}
    </a>
  );
}
