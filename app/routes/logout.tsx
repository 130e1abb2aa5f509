import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { redirectWithToast } from "~/lib/toast.server";
import { absoluteUrl } from "~/lib/urls.server";
import { endSession } from "~/modules/auth/session.server";
import { providerSignOut } from "~/modules/auth/sso.server";

export async function loader() {
  return redirect("/");
}

// The local session always ends here; a browser that signed in with SSO then signs out at the provider too
// (RP-initiated logout), which sends it back to the sign-in page.
export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  const provider = await providerSignOut(env().oidc, request, absoluteUrl(request, "/login"));
  headers.append("Set-Cookie", provider.setCookie);
  // Back on this site's sign-in page, it says the sign-out happened; the provider's own page says so itself.
  if (provider.url) return redirect(provider.url, { headers });
  return redirectWithToast("/login", "You are signed out.", { headers });
}
