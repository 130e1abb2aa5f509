import { describe, expect, it } from "vitest";
import { backLink, readFrom, withFrom } from "./back-links";

const eventPage = { to: "/events/spring", label: "Spring Hack" };

describe("back links", () => {
  it("return to an accepted origin, named", () => {
    expect(backLink(readFrom("/events/spring/manage?from=%2F"), eventPage)).toEqual({ to: "/", label: "Events" });
    expect(backLink(readFrom("/events/spring/manage?from=/account"), eventPage)).toEqual({ to: "/account", label: "Your account" });
    expect(backLink(readFrom("http://localhost/events/spring/manage?from=/admin/users"), eventPage)).toEqual({ to: "/admin/users", label: "Accounts" });
  });

  it("fall back for no origin and for any place not listed (never another site)", () => {
    for (const url of ["/events/spring/manage", "/x?from=https://evil.example", "/x?from=//evil.example", "/x?from=/admin", "/x?from=", "/x?from=constructor"])
      expect(backLink(readFrom(url), eventPage)).toEqual(eventPage);
    expect(backLink("/toString", eventPage)).toEqual(eventPage);
  });

  it("return to the event's Manage page where the page says it is", () => {
    const manage = { to: "/events/spring/manage#judges", label: "Manage Spring Hack" };
    expect(backLink(readFrom("/events/spring/awards?from=manage"), eventPage, manage)).toEqual(manage);
    expect(backLink(readFrom("/events/spring/awards?from=manage"), eventPage)).toEqual(eventPage);
    expect(backLink(readFrom("/events/spring/awards"), eventPage, manage)).toEqual(eventPage);
  });

  it("keep the origin on links and redirects, before any #section", () => {
    expect(withFrom("/events/spring/manage", "/")).toBe("/events/spring/manage?from=%2F");
    expect(withFrom("/events/spring/manage#judges", "/account")).toBe("/events/spring/manage?from=%2Faccount#judges");
    expect(withFrom("/events/spring/manage?tab=1", "/")).toBe("/events/spring/manage?tab=1&from=%2F");
    expect(withFrom("/events/spring/manage#judges", null)).toBe("/events/spring/manage#judges");
    expect(withFrom("/events/spring/manage", "https://evil.example")).toBe("/events/spring/manage");
  });
});
