// The document's click handler for the app's plain-anchor links (ADR 061).
import type { NavigateFunction } from "@remix-run/react";
import { linkToFollow } from "~/lib/link-click";

/** Starts following clicks on the app's links with `navigate`; returns the function that stops it. */
export function followRouterLinks(navigate: NavigateFunction): () => void {
  function onClick(event: MouseEvent) {
    const anchor = event.target instanceof Element && event.target.closest("a[data-router-link]");
    const follow = anchor && linkToFollow(event, anchor, window.location);
    if (!follow) return;
    event.preventDefault();
    void navigate(follow.to, { replace: follow.replace });
  }
  document.addEventListener("click", onClick);
  return () => document.removeEventListener("click", onClick);
}
