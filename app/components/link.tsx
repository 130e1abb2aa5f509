// The app's one link component (ADR 061). A link to a path of this app ("/events/…") is a plain anchor, and one
// click handler on the document, installed by the root, navigates to it in the browser as Remix's Link would. A
// Remix Link costs a handful of router hooks to render (resolving its path against the matched routes twice, a
// click handler, prefetch state); pages with long lists render dozens of them on every request. A relative path
// ("?page=2", ".") is still Remix's Link, which resolves it. Router options (replace, state, prefetch…) are not
// offered: no link of the app needs them.
// eslint-disable-next-line no-restricted-imports -- the one place that wraps Remix's Link
import { Link as RemixLink, type LinkProps, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { linkToFollow } from "~/lib/link-click";

type Props = Omit<LinkProps, "prefetch" | "replace" | "state" | "preventScrollReset" | "relative" | "reloadDocument" | "viewTransition" | "discover">;

export function Link({ to, ...anchor }: Props) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return <RemixLink to={to} {...anchor} />;
  // data-discover: Remix discovers the routes of rendered links ahead of a click (lazy route discovery), as for its own.
  // As Remix's Link (useHref): an empty query or fragment ("/signup?" when there are no parameters) is left out.
  // eslint-disable-next-line jsx-a11y/anchor-has-content -- the children are in the spread props
  return <a {...anchor} href={to.replace(/[?#]+$/, "")} data-discover="true" data-router-link="" />;
}

/**
 * Installed once by the root: a click on a plain-anchor link navigates in the browser, with the same rules as Remix's
 * Link (left button, no modifier key, no other target, not already handled). Before hydration, without JavaScript
 * and on the root's error page, the anchors load their page as any link does.
 */
export function useRouterLinks() {
  const navigate = useNavigate();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const anchor = event.target instanceof Element && event.target.closest("a[data-router-link]");
      const follow = anchor && linkToFollow(event, anchor, window.location);
      if (!follow) return;
      event.preventDefault();
      void navigate(follow.to, { replace: follow.replace });
    }
    document.addEventListener("click", onClick);
    // The app has taken over the page: links and forms no longer load documents (browser tests wait for it).
    document.body.dataset.hydrated = "";
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}
