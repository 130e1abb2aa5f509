// Whether a click on a plain-anchor link (ADR 061) is the browser's to handle or the router's: the rules of
// React Router's Link (shouldProcessLinkClick), kept pure so they are unit-tested.

type Click = { defaultPrevented: boolean; button: number; metaKey: boolean; altKey: boolean; ctrlKey: boolean; shiftKey: boolean };
type Anchor = { getAttribute(name: string): string | null; hasAttribute(name: string): boolean };
type Here = { pathname: string; search: string; hash: string };

/**
 * Where the router should go, or null to leave the click to the browser: a click another handler already handled,
 * another button, a modifier key (new tab, new window, download), a target other than this window, a download, or
 * an address that is not a path of this app. Like Link, a link to the page already shown replaces it in the history.
 */
export function linkToFollow(click: Click, anchor: Anchor, here: Here): { to: string; replace: boolean } | null {
  if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.altKey || click.ctrlKey || click.shiftKey) return null;
  const target = anchor.getAttribute("target");
  if ((target && target !== "_self") || anchor.hasAttribute("download")) return null;
  const to = anchor.getAttribute("href");
  if (!to?.startsWith("/") || to.startsWith("//")) return null;
  return { to, replace: to === here.pathname + here.search + here.hash };
}
