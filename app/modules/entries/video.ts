/**
 * Which entry video links play on the page (issue 16): YouTube, Vimeo and Loom, each through the player
 * address that tracks least (YouTube's privacy-enhanced youtube-nocookie.com, Vimeo with `dnt=1`). Any
 * other link stays a plain link. The player hosts here are the only ones server.mjs allows in `frame-src`.
 */
export type VideoEmbed = { provider: "YouTube" | "Vimeo" | "Loom"; src: string };

export const VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com", "https://www.loom.com"] as const;

const YOUTUBE_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"]);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_HOSTS = new Set(["vimeo.com", "www.vimeo.com", "player.vimeo.com"]);
const LOOM_HOSTS = new Set(["loom.com", "www.loom.com"]);
const LOOM_ID = /^[0-9a-f]{32}$/;

/** A start time as YouTube writes it ("90", "90s", "1m30s", "1h2m3s") in whole seconds, or null. */
export function startSeconds(value: string | null): number | null {
  if (!value) return null;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || !match[0]) return null;
  const [, h, m, s] = match;
  const total = Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  return total > 0 ? total : null;
}

function youtube(url: URL): string | null {
  const path = url.pathname.split("/").filter(Boolean);
  let id: string | undefined;
  if (url.hostname === "youtu.be") id = path[0];
  else if (YOUTUBE_HOSTS.has(url.hostname)) {
    if (path[0] === "watch") id = url.searchParams.get("v") ?? undefined;
    else if (path[0] === "embed" || path[0] === "shorts" || path[0] === "live") id = path[1];
  }
  if (!id || !YOUTUBE_ID.test(id)) return null;
  const start = startSeconds(url.searchParams.get("t") ?? url.searchParams.get("start"));
  return `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ""}`;
}

function vimeo(url: URL): string | null {
  if (!VIMEO_HOSTS.has(url.hostname)) return null;
  const path = url.pathname.split("/").filter(Boolean);
  const [id, hash] = url.hostname === "player.vimeo.com" ? (path[0] === "video" ? [path[1], url.searchParams.get("h")] : []) : [path[0], path[1]];
  if (!id || !/^\d+$/.test(id)) return null;
  // An unlisted video's link carries its key after the number; the player needs it as `h`.
  const key = hash && /^[0-9a-f]+$/.test(hash) ? `&h=${hash}` : "";
  return `https://player.vimeo.com/video/${id}?dnt=1${key}`;
}

function loom(url: URL): string | null {
  if (!LOOM_HOSTS.has(url.hostname)) return null;
  const [kind, id] = url.pathname.split("/").filter(Boolean);
  if ((kind !== "share" && kind !== "embed") || !id || !LOOM_ID.test(id)) return null;
  return `https://www.loom.com/embed/${id}`;
}

/** The player for a video link, or null when the link is not one of the three services (or not https). */
export function videoEmbed(link: string): VideoEmbed | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  const yt = youtube(url);
  if (yt) return { provider: "YouTube", src: yt };
  const vm = vimeo(url);
  if (vm) return { provider: "Vimeo", src: vm };
  const lm = loom(url);
  if (lm) return { provider: "Loom", src: lm };
  return null;
}

/** An entry's links as shown under its video: label and address, the empty ones left out. */
export function entryLinks(entry: { demoUrl: string; repoUrl: string; videoUrl: string }): [label: string, url: string][] {
  const all: [string, string][] = [
    ["Demo", entry.demoUrl],
    ["Repository", entry.repoUrl],
    ["Video", entry.videoUrl],
  ];
  return all.filter(([, url]) => url);
}

/**
 * The heading over an entry's video player and its links (demo, repository, video), which are not part of how it was
 * built ("Approach"); null when there is neither.
 */
export function seeItHeading(hasPlayer: boolean, linkCount: number): string | null {
  if (hasPlayer) return linkCount > 0 ? "Video and links" : "Video";
  return linkCount > 0 ? "Links" : null;
}
