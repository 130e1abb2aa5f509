import { Form, NavLink } from "@remix-run/react";
import { Link } from "~/components/link";

/** `badge` is the site role's, where it grants something (siteRole, worked out by the root's loader). */
type HeaderUser = { name: string; email: string; role: "admin" | "organizer" | "member"; badge?: string | null; unread?: number } | null;

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-sm font-medium no-underline hover:bg-brand-50 ${isActive ? "text-brand-900 bg-brand-50" : "text-slate-700"}`;

/** `signUp` is false when the site signs people in with single sign-on only (PASSWORD_LOGIN=false). */
export function SiteHeader({ user, signUp = true }: { user: HeaderUser; signUp?: boolean }) {
  // Only a role that grants something gets a badge; per-event roles are on the account page.
  const badge = user?.badge;
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-lg font-bold text-brand-900 no-underline">
          Problem First
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
            <NavLink to="/" end className={navClass}>
              Events
            </NavLink>
            <NavLink to="/archive" className={navClass}>
              Archive
            </NavLink>
            <NavLink to="/about" className={navClass}>
              How it works
            </NavLink>
            {user.role === "admin" ? (
              <>
                <NavLink to="/admin/users" className={navClass}>
                  Accounts
                </NavLink>
                <NavLink to="/admin/outbox" className={navClass}>
                  Outbox
                </NavLink>
              </>
            ) : null}
            <NotificationsLink unread={user.unread ?? 0} />
            <Link to="/account" className="ml-2 text-sm text-slate-700 no-underline hover:underline" data-testid="signed-in-as">
              <span className="sr-only">Your account: </span>
              {user.name}
              {badge ? <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">{badge}</span> : null}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="ml-2 rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </Form>
          </nav>
        ) : (
          <nav aria-label="Main" className="flex gap-2">
            <NavLink to="/login" className={navClass}>
              Sign in
            </NavLink>
            {signUp ? (
              <NavLink to="/signup" className={navClass}>
                Sign up
              </NavLink>
            ) : null}
          </nav>
        )}
      </div>
    </header>
  );
}

/** The bell: its name says "Notifications" and, when there are any, how many are unread; the badge shows the number. */
function NotificationsLink({ unread }: { unread: number }) {
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <NavLink to="/notifications" aria-label={label} className={(state) => `${navClass(state)} relative inline-flex items-center gap-1`}>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-bold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
