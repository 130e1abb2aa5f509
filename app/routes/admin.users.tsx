import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Link } from "~/components/link";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { env } from "~/env.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { listAccounts, listOrganizedEvents, setOrganizerRole } from "~/modules/auth/accounts.server";
import { RESET_VALID_MINUTES } from "~/modules/auth/password-reset";
import { createResetLink } from "~/modules/auth/password-reset.server";
import { requireUser } from "~/modules/auth/guards.server";
import { canManageUsers } from "~/modules/auth/permissions";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Accounts");

const roleChangeSchema = z.object({ userId: z.string().min(1).max(100), organizer: z.enum(["true", "false"]) });
const resetLinkSchema = z.object({ userId: z.string().min(1).max(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  enforce(canManageUsers(await requireUser(request)));
  const [accounts, organized] = await Promise.all([listAccounts(), listOrganizedEvents()]);
  return {
    accounts: accounts.map(({ emailVerifiedAt, ...a }) => ({
      ...a,
      emailConfirmed: emailVerifiedAt !== null,
      organizes: organized.filter((o) => o.userId === a.id).map(({ slug, title }) => ({ slug, title })),
    })),
    passwordLogin: env().passwordLogin,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  enforce(canManageUsers(await requireUser(request)));
  const formData = await request.formData();
  const intent = readIntent(formData);
  switch (intent) {
    case "reset-link":
      return resetLink(request, formData);
    // The role forms were the page's only action before reset links and name no intent.
    case "set-role":
    case "":
      return changeRole(formData);
    default:
      return unknownIntent(intent);
  }
}

const passwordsOff =
  "Password sign-in is off on this site: people sign in with single sign-on. For someone locked out, print a one-time sign-in link with npm run user:sign-in-link.";

/** A one-time password reset link for the admin to hand over, where no mail reaches people (no SMTP_URL). */
async function resetLink(request: Request, formData: FormData) {
  if (!env().passwordLogin) return data({ error: passwordsOff }, { status: 400 });
  const parsed = resetLinkSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ error: "That request did not name an account." }, { status: 400 });
  const link = await createResetLink(parsed.data.userId, appOrigin(request));
  if (!link) return data({ error: "Account not found" }, { status: 400 });
  return { resetLink: link };
}

async function changeRole(formData: FormData) {
  const parsed = roleChangeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ error: "That request did not name an account and a role." }, { status: 400 });
  const changed = await setOrganizerRole(parsed.data.userId, parsed.data.organizer === "true");
  // An account made an admin since the page was read: the page is read again, showing the row as it is, and the reason
  // is a toast, seen wherever the row was (above the table, it was out of sight of a row far down).
  if (!changed.ok && changed.admin) return redirectWithToast("/admin/users", { kind: "error", message: changed.message });
  if (!changed.ok) return data({ error: changed.message }, { status: 400 });
  return redirectWithToast(
    "/admin/users",
    parsed.data.organizer === "true" ? `${changed.name} can now create events.` : takenBackMessage(changed.name, changed.organizes),
  );
}

/** The global role only creates events; organizing an event is a grant of that event, kept until removed there (ADR 011). */
function takenBackMessage(name: string, organizes: number) {
  if (organizes === 0) return `${name} can no longer create events.`;
  const one = organizes === 1;
  return `${name} can no longer create events, but still organizes ${organizes} event${one ? "" : "s"}. Remove them on ${one ? "that event's" : "each event's"} Manage page if they should lose ${one ? "it" : "them"} too.`;
}

export default function AdminUsers() {
  const { accounts, passwordLogin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Made from a row far down the table, a reset link is shown above it: its field takes the focus, so the link is seen
  // (the page scrolls to it) and read out, and is ready to copy.
  const linkRef = useRef<HTMLInputElement>(null);
  const link = actionData && "resetLink" in actionData ? actionData.resetLink.url : null;
  useEffect(() => {
    if (link) linkRef.current?.select();
  }, [link]);
  return (
    <div className="space-y-6">
      <h1 className="h1">Accounts</h1>
      <p className="text-slate-700">
        The organizer role lets someone create events. Taking it back does not remove them from events they already organize: they keep full rights there until
        they are removed on that event's Manage page. Admins are changed only with the promote script on the server.
      </p>
      <p className="text-slate-700">
        Every mail the app sends (or, without an SMTP server, would send) is on the <Link to="/admin/outbox">Outbox</Link> page. Where mail does not reach
        people, “Reset link” makes a one-time password reset link to hand over.
      </p>
      <FormErrors errors={actionData && "error" in actionData ? [actionData.error] : null} />
      {actionData && "resetLink" in actionData ? (
        <section className="card space-y-2" aria-labelledby="reset-link-heading">
          <h2 id="reset-link-heading" className="h2">
            Password reset link for {actionData.resetLink.name}
          </h2>
          <p className="text-sm text-slate-700">
            Hand it to them yourself: it works once, for {RESET_VALID_MINUTES} minutes, and setting a password with it signs them out everywhere. It is not
            shown again.
          </p>
          <label htmlFor="reset-link" className="label">
            Reset link
          </label>
          <input ref={linkRef} id="reset-link" className="input font-mono text-sm" readOnly value={actionData.resetLink.url} />
        </section>
      ) : null}
      <table className="stack-table w-full text-left text-sm">
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-2">
              Name
            </th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Organizes</th>
            <th scope="col">
              <span className="sr-only">Change role</span>
            </th>
            <th scope="col">
              <span className="sr-only">Password reset</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-b border-slate-100">
              <td className="py-2 [overflow-wrap:anywhere] max-md:font-semibold">{a.name}</td>
              <td className="[overflow-wrap:anywhere]">
                {a.email}
                {a.emailConfirmed ? null : <span className="block text-xs font-medium text-amber-900">Email not confirmed</span>}
              </td>
              <td>
                <span className="md:hidden">Role: </span>
                <span className="capitalize">{a.role}</span>
              </td>
              <td>
                {a.organizes.length ? <span className="md:hidden">Organizes: </span> : null}
                {a.organizes.map((e, i) => (
                  <span key={e.slug}>
                    {i > 0 ? ", " : ""}
                    <Link to={`/events/${e.slug}/manage?from=/admin/users`}>{e.title}</Link>
                  </span>
                ))}
              </td>
              <td className="py-1 text-right max-md:mt-2 max-md:mr-2 max-md:inline-block! max-md:empty:hidden!">
                {a.role === "admin" ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="set-role" />
                    <input type="hidden" name="userId" value={a.id} />
                    <input type="hidden" name="organizer" value={a.role === "organizer" ? "false" : "true"} />
                    <button
                      type="submit"
                      className="btn-secondary px-2 py-1 text-xs"
                      aria-label={a.role === "organizer" ? `Take back organizer: ${a.name}` : `Make organizer: ${a.name}`}
                    >
                      {a.role === "organizer" ? "Take back organizer" : "Make organizer"}
                    </button>
                  </Form>
                )}
              </td>
              <td className="py-1 pl-2 text-right max-md:mt-2 max-md:inline-block! max-md:pl-0">
                {passwordLogin ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset-link" />
                    <input type="hidden" name="userId" value={a.id} />
                    <button type="submit" className="btn-secondary px-2 py-1 text-xs whitespace-nowrap" aria-label={`Reset link: ${a.name}`}>
                      Reset link
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
