// The plain anchors of ADR 061 carry the href Remix's Link would render (React Router's useHref) for every shape of
// path the app writes.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { useHref } from "react-router-dom";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { Link } from "./link";

const hrefOf = (html: string) => /href="([^"]*)"/.exec(html)?.[1];

describe("Link", () => {
  it.each(["/events/spring", "/events/spring/", "/signup?", "/login?redirectTo=%2Fevents", "/archive?q=invoice#results", "/about#", "/"])(
    "renders %s as React Router's useHref does",
    (to) => {
      const ours = hrefOf(renderToStaticMarkup(createElement(Link, { to }, "x")));
      const Theirs = () => createElement("a", { href: useHref(to) }, "x");
      const theirs = hrefOf(renderToStaticMarkup(createElement(StaticRouter, { location: "/" }, createElement(Theirs))));
      expect(ours).toBe(theirs);
    },
  );

  it("marks a path of the app for the root's click handler and for Remix's route discovery", () => {
    const html = renderToStaticMarkup(createElement(Link, { to: "/events/spring", className: "card" }, "Spring"));
    expect(html).toBe('<a class="card" href="/events/spring" data-discover="true" data-router-link="">Spring</a>');
  });
});
