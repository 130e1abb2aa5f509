// The app's one link component (ADR 061). A link to a path of this app ("/events/…") is a plain anchor, and one
// click handler on the document, installed by the root, navigates to it in the browser as Remix's Link would. A
// Remix Link costs a handful of router hooks to render (resolving its path against the matched routes twice, a
// click handler, prefetch state); pages with long lists render dozens of them on every request. Anything else
// (relative paths such as "?page=2" or ".", router options) is still Remix's Link.
import { Link as RemixLink, type LinkProps, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { linkToFollow } from "~/lib/link-click";

/** The attribute that marks a plain-anchor link for the document's click handler. */
const ROUTER_LINK = "data-router-link";

export function Link(props: LinkProps) {
  const { to, prefetch, replace, state, preventScrollReset, relative, reloadDocument, viewTransition, discover, ...anchor } = props;
  const plain =
    typeof to === "string" &&
    to.startsWith("/") &&
    !to.startsWith("//") &&
    prefetch === undefined &&
    replace === undefined &&
    state === undefined &&
    preventScrollReset === undefined &&
    relative === undefined &&
    reloadDocument === undefined &&
    viewTransition === undefined &&
    discover === undefined;
  if (!plain) return <RemixLink {...props} />;
  // data-discover: Remix discovers the routes of rendered links ahead of a click (lazy route discovery), as for its own.
  // eslint-disable-next-line jsx-a11y/anchor-has-content -- the children are in the spread props
  return <a {...anchor} href={to} data-discover="true" {...{ [ROUTER_LINK]: "" }} />;
}

/**
 * Installed once by the root: a click on a plain-anchor link navigates in the browser, with the same rules as Remix's
 * Link (left button, no modifier key, no other target, not already handled). Before hydration, and on the root's
 * error page, the anchors load their page as any link does.
 */
export function useRouterLinks() {
  const navigate = useNavigate();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      const anchor = event.target instanceof Element ? event.target.closest(`a[${ROUTER_LINK}]`) : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const follow = linkToFollow(event, anchor, window.location);
      if (!follow) return;
      event.preventDefault();
      navigate(follow.to, { replace: follow.replace });
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}
