import { describe, expect, it } from "vitest";
import { linkToFollow } from "./link-click";

const click = { defaultPrevented: false, button: 0, metaKey: false, altKey: false, ctrlKey: false, shiftKey: false };
const anchor = (href: string | null, attrs: Record<string, string> = {}) => ({
  getAttribute: (name: string) => (name === "href" ? href : (attrs[name] ?? null)),
  hasAttribute: (name: string) => name in attrs,
});
const here = { pathname: "/events/spring", search: "?page=2", hash: "#top" };

describe("linkToFollow", () => {
  it("follows a plain left click on a link of this app, in the history as a new page", () => {
    expect(linkToFollow(click, anchor("/events/spring/entries"), here)).toEqual({ to: "/events/spring/entries", replace: false });
    expect(linkToFollow(click, anchor("/archive?q=invoice#results"), here)).toEqual({ to: "/archive?q=invoice#results", replace: false });
  });

  it("replaces the history entry when the link is to the page already shown, as a browser's link does", () => {
    expect(linkToFollow(click, anchor("/events/spring?page=2#top"), here)).toEqual({ to: "/events/spring?page=2#top", replace: true });
    expect(linkToFollow(click, anchor("/events/spring?page=3#top"), here)?.replace).toBe(false);
    expect(linkToFollow(click, anchor("/events/spring?page=2"), here)?.replace).toBe(false);
  });

  it("leaves a click another handler took, another button or a modified click (new tab, window, download) to the browser", () => {
    const link = anchor("/events/spring/entries");
    expect(linkToFollow({ ...click, defaultPrevented: true }, link, here)).toBeNull();
    expect(linkToFollow({ ...click, button: 1 }, link, here)).toBeNull();
    for (const key of ["metaKey", "altKey", "ctrlKey", "shiftKey"] as const) expect(linkToFollow({ ...click, [key]: true }, link, here)).toBeNull();
  });

  it("leaves links for another window, downloads and addresses outside the app to the browser", () => {
    expect(linkToFollow(click, anchor("/events/spring", { target: "_blank" }), here)).toBeNull();
    expect(linkToFollow(click, anchor("/events/spring", { target: "_self" }), here)).toEqual({ to: "/events/spring", replace: false });
    expect(linkToFollow(click, anchor("/events/spring/results.csv", { download: "" }), here)).toBeNull();
    expect(linkToFollow(click, anchor("https://elsewhere.example.com/events"), here)).toBeNull();
    expect(linkToFollow(click, anchor("//elsewhere.example.com/events"), here)).toBeNull();
    expect(linkToFollow(click, anchor(null), here)).toBeNull();
    expect(linkToFollow(click, anchor("events/spring"), here)).toBeNull();
  });
});
