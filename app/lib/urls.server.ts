import { env } from "~/env.server";

/**
 * An absolute link to a path of this app, for links people copy (invites, the digest). Built from APP_URL:
 * the Host header is the client's to choose, so a forged one would otherwise put its own host in the link.
 * Outside production, with no APP_URL, the request's origin is used.
 */
export function absoluteUrl(request: Request, path: string): string {
  return new URL(path, appOrigin(request)).toString();
}

/** The origin links are built on (no trailing slash). */
export function appOrigin(request: Request): string {
  return env().appUrl ?? new URL(request.url).origin;
}

/**
 * The origin for links made where no request is at hand (tests, scripts): APP_URL, which production and
 * `npm start` always set, else a local default. Routes pass appOrigin(request) instead.
 */
export function configuredOrigin(): string {
  return env().appUrl ?? "http://localhost:3000";
}
