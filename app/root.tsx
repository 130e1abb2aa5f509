import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useKeptTyping } from "~/components/kept-typing";
import { useRouterLinks } from "~/components/link";
import { SiteHeader } from "~/components/site-header";
import { useNonce } from "~/components/nonce";
import { ToastMessage } from "~/components/toast";
import { env } from "~/env.server";
import { readToast } from "~/lib/toast.server";
import { readSession } from "~/modules/auth/session.server";
import { siteRole } from "~/modules/auth/site-role";
import { unreadCount } from "~/modules/notifications/notify.server";
import styles from "~/tailwind.css?url";

// Only people who have not confirmed their address see it: everyone else's pages do not load it (first-load
// JavaScript, ADR 043). Rendered on the server as it is; the browser takes it over once its chunk arrives.
const VerifyEmailBanner = lazy(() => import("~/components/verify-email-banner"));

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ user, setCookie }, { toast, setCookie: toastCookie }] = await Promise.all([readSession(request), readToast(request)]);
  // The header's bell: one indexed count per page for a signed-in person.
  const unread = user ? await unreadCount(user.id) : 0;
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (toastCookie) headers.append("Set-Cookie", toastCookie);
  return data(
    {
      user: user
        ? {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            badge: siteRole(user.role)?.badge ?? null,
            emailVerified: user.emailVerified,
            unread,
          }
        : null,
      toast,
      passwordLogin: env().passwordLogin,
    },
    { headers },
  );
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, toast, passwordLogin } = useLoaderData<typeof loader>();
  useRouterLinks();
  const broughtBack = useKeptTyping(user?.id ?? null);
  return (
    <>
      <SiteHeader user={user} signUp={passwordLogin} />
      {user && !user.emailVerified ? (
        <Suspense fallback={null}>
          <VerifyEmailBanner email={user.email} />
        </Suspense>
      ) : null}
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {broughtBack ? <ToastMessage toast={broughtBack} /> : null}
        {toast ? <ToastMessage toast={toast} /> : null}
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <GeneralErrorBoundary />
    </main>
  );
}
