// Where a page's "←" link goes. Pages that are reached from several places (the Manage page: from the event
// page, the events list, an account page; awards and judging settings: from Manage or from the results) carry
// `?from=` so the link returns there. Only the places listed here are accepted: the value comes from the
// address bar, so anything else falls back to the default.

export type BackLink = { to: string; label: string };

const origins: Record<string, string> = {
  "/": "Events",
  "/account": "Your account",
  "/admin/users": "Accounts",
  /** The event's Manage page; the page that links back says where that is. */
  manage: "Manage",
};

/** The accepted `from` value of a URL, or null. */
export function readFrom(url: string | URL): string | null {
  const from = new URL(url, "http://localhost").searchParams.get("from");
  return from !== null && Object.hasOwn(origins, from) ? from : null;
}

/** The link back: to the accepted origin, else to `fallback`. `manage` is where "manage" leads, for pages of one event. */
export function backLink(from: string | null, fallback: BackLink, manage?: BackLink): BackLink {
  if (from === "manage") return manage ?? fallback;
  return from !== null && Object.hasOwn(origins, from) ? { to: from, label: origins[from] } : fallback;
}

/** `path` with `?from=` kept, so a form's redirect or a link to a sibling page keeps the way back. */
export function withFrom(path: string, from: string | null): string {
  if (from === null || !Object.hasOwn(origins, from)) return path;
  const [base, hash] = path.split("#");
  return `${base}${base.includes("?") ? "&" : "?"}from=${encodeURIComponent(from)}${hash === undefined ? "" : `#${hash}`}`;
}

/** The Manage page's Judges section, where awards and judging settings are linked from. */
export function manageJudges(event: { slug: string; title: string }): BackLink {
  return { to: `/events/${event.slug}/manage#judges`, label: `Manage ${event.title}` };
}
