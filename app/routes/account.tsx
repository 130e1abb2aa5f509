import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChangeEmail as ChangeEmailOnServer } from "~/components/change-email";
import { ConfirmStep } from "~/components/confirm-step";
import { EmailPreferences } from "~/components/email-preferences";
import { EventRoles } from "~/components/event-roles";
import { Deferred, GeneralErrorBoundary, lazyPart } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { ProfileForm } from "~/components/profile-form";
import { useSucceededSubmissions } from "~/components/use-succeeded-submissions";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { readIntent, unknownIntent } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { relativeTime } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { passwordSignIn, type PasswordSignIn } from "~/modules/auth/accounts.server";
import { attemptPasswordChange } from "~/modules/auth/attempts.server";
import { cancelEmailChanges, pendingEmailChange, requestEmailChange } from "~/modules/auth/email-change.server";
import { changeEmailSchema } from "~/modules/auth/schemas";
import { changePasswordServerSchema } from "~/modules/auth/password-strength.server";
import { requireUser } from "~/modules/auth/guards.server";
import { otherSessionCount, restartSessions, signOutElsewhere } from "~/modules/auth/session.server";
import { siteRole } from "~/modules/auth/site-role";
import { eventsWithRoles } from "~/modules/events/roles.server";
import { hasOptedOut, optIn } from "~/modules/mail/outbox.server";
import { emailPreferences, setEmailPreferences } from "~/modules/notifications/notify.server";
import { emailPreferencesSchema } from "~/modules/notifications/schemas";
import { getProfile, saveProfile } from "~/modules/portfolio/portfolio.server";
import { profileSchema } from "~/modules/portfolio/schemas";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/auth/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Your account");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const [password, events, mailed, optedOut, profile, elsewhere, pending] = await Promise.all([
    passwordSignIn(user.id),
    eventsWithRoles(user),
    emailPreferences(user.id),
    hasOptedOut(user.email),
    getProfile(user.id),
    otherSessionCount(request, user.id),
    pendingEmailChange(user.id, now),
  ]);
  return {
    user: { id: user.id, name: user.name, email: user.email, headline: profile?.headline ?? "", skills: profile?.skills ?? "" },
    siteRole: siteRole(user.role),
    events,
    password,
    mailed,
    optedOut,
    elsewhere,
    pendingEmail: pending ? { newEmail: pending.newEmail, expires: relativeTime(pending.expiresAt, now) } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = readIntent(formData);
  switch (intent) {
    case "change-password": {
      const submission = parseForm(formData, { schema: changePasswordServerSchema(user) });
      const hide = { hideFields: ["currentPassword", "newPassword"] };
      const password = await passwordSignIn(user.id);
      if (password !== "on") return data({ intent, result: submission.reply({ formErrors: [noPasswordToChange[password]], ...hide }) }, { status: 400 });
      if (submission.status !== "success") return data({ intent, result: submission.reply(hide) }, { status: 400 });
      const changed = await attemptPasswordChange(user.id, submission.value.currentPassword, submission.value.newPassword);
      if (!changed.ok)
        return data({ intent, result: submission.reply({ fieldErrors: { currentPassword: [changed.message] }, ...hide }) }, { status: changed.status });
      const cookie = await restartSessions(user.id);
      return redirectWithToast("/account", "Password changed. You were signed out everywhere else.", { headers: { "Set-Cookie": cookie } });
    }
    case "profile": {
      const submission = parseForm(formData, { schema: profileSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await saveProfile(user.id, submission.value);
      return redirectWithToast("/account#profile-h", "Profile saved.");
    }
    case "email-preferences": {
      const submission = parseForm(formData, { schema: emailPreferencesSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await setEmailPreferences(user.id, new Set(submission.value.kinds));
      return redirectWithToast("/account#email-notifications", "Email preferences saved.");
    }
    case "change-email": {
      const submission = parseForm(formData, { schema: changeEmailSchema });
      const hide = { hideFields: ["currentPassword"] };
      const password = await passwordSignIn(user.id);
      if (password !== "on") return data({ intent, result: submission.reply({ formErrors: [noEmailChange[password]], ...hide }) }, { status: 400 });
      if (submission.status !== "success") return data({ intent, result: submission.reply(hide) }, { status: 400 });
      const asked = await requestEmailChange(user, submission.value, appOrigin(request));
      if (!asked.ok) {
        const errors = asked.field ? { fieldErrors: { [asked.field]: [asked.message] } } : { formErrors: [asked.message] };
        return data({ intent, result: submission.reply({ ...errors, ...hide }) }, { status: asked.status });
      }
      return redirectWithToast("/account#email-h", `We sent a link to ${asked.newEmail}. Your address changes when you open it.`);
    }
    case "cancel-email-change": {
      const cancelled = await cancelEmailChanges(user.id);
      return redirectWithToast(
        "/account#email-h",
        cancelled ? "Change of address cancelled: the link we sent no longer works." : "No change of address was waiting.",
      );
    }
    case "sign-out-elsewhere": {
      const done = await signOutElsewhere(request, user.id, readConfirmation(formData));
      if (!done.ok) return data({ intent, confirmSignOut: done.confirm }, { status: 409 });
      const message = done.ended ? `Signed out of ${browsers(done.ended)}. This browser stays signed in.` : "No other browser was signed in.";
      return redirectWithToast("/account#sessions-h", message);
    }
    case "email-opt-in":
      await optIn(user.email);
      return redirectWithToast("/account#email-notifications", "Emails are on again, as your preferences below say.");
    default:
      return unknownIntent(intent);
  }
}

const noPasswordToChange: Record<Exclude<PasswordSignIn, "on">, string> = {
  off: "This site signs people in with single sign-on only: there is no password to change here.",
  "no-password": "You sign in with single sign-on and have no password here. To add one, sign out and use “Forgot your password?” on the sign-in page.",
};

const noEmailChange: Record<Exclude<PasswordSignIn, "on">, string> = {
  off: "This site signs people in with single sign-on only: your address comes from your company account.",
  "no-password":
    "You sign in with single sign-on and have no password here, which a change of address asks for. To add one, sign out and use “Forgot your password?” on the sign-in page.",
};

const browsers = (n: number) => (n === 1 ? "1 other browser" : `${n} other browsers`);

const CHANGE_PASSWORD = ["change-password"] as const;
const SAVE_PROFILE = ["profile"] as const;
const CHANGE_EMAIL = ["change-email"] as const;

// Few people change their address: its form's code arrives after the page's own (ADR 043).
const ChangeEmail = import.meta.env.SSR
  ? ChangeEmailOnServer
  : lazyPart(
      () => import("~/components/change-email"),
      (m) => m.ChangeEmail,
    );

export default function Account() {
  const { user, siteRole, events, password, mailed, optedOut, elsewhere, pendingEmail } = useLoaderData<typeof loader>();
  // The profile form starts afresh after its own save (the profile as stored, skills as the portfolio lists them) and
  // when the stored profile changes, and keeps the typing otherwise: saving another section reads the page again too.
  const profileSaves = useSucceededSubmissions(SAVE_PROFILE);
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.intent === "change-password" ? actionData.result : undefined;
  const preferenceErrors = actionData?.intent === "email-preferences" ? Object.values(actionData.result.error ?? {}).flatMap((e) => e ?? []) : undefined;
  const confirmSignOut = actionData?.intent === "sign-out-elsewhere" && elsewhere > 0;
  // After a password change the form starts afresh: no password is left in it.
  const passwordsChanged = useSucceededSubmissions(CHANGE_PASSWORD);
  const emailChangesAsked = useSucceededSubmissions(CHANGE_EMAIL);
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.changePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="h1">Your account</h1>
      {/* The name is in the profile below and the address in its own section: the site role alone is said here. */}
      {siteRole ? (
        <p className="text-slate-700">
          <span className="font-semibold">Site role</span> {siteRole.badge}: {siteRole.grants}
        </p>
      ) : null}
      <ProfileForm
        key={`${profileSaves}\n${user.name}\n${user.headline}\n${user.skills}`}
        userId={user.id}
        headline={user.headline}
        name={user.name}
        skills={user.skills}
        lastResult={actionData?.intent === "profile" ? actionData.result : undefined}
      />
      <Deferred>
        <ChangeEmail
          email={user.email}
          pending={pendingEmail}
          noPassword={password === "on" ? null : noEmailChange[password]}
          lastResult={actionData?.intent === "change-email" && "result" in actionData ? actionData.result : undefined}
          resetKey={emailChangesAsked}
        />
      </Deferred>
      <EventRoles events={events} />
      <EmailPreferences mailed={mailed} optedOut={optedOut} errors={preferenceErrors} />
      {password !== "on" ? (
        <section aria-labelledby="password-heading" className="card space-y-2">
          <h2 id="password-heading" className="h2">
            Password
          </h2>
          <p className="text-slate-700">{noPasswordToChange[password]}</p>
        </section>
      ) : (
        <Form key={`password-${passwordsChanged}`} method="post" {...getFormProps(form)} className="card space-y-4">
          <input type="hidden" name="intent" value="change-password" />
          <h2 className="h2">Change password</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label="Current password" meta={fields.currentPassword} type="password" autoComplete="current-password" />
          <Field
            label="New password"
            meta={fields.newPassword}
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters, not a common password, and not your name or email."
          />
          <button type="submit" className="btn-primary">
            Change password
          </button>
        </Form>
      )}
      <section aria-labelledby="sessions-h" className="card space-y-3">
        <h2 id="sessions-h" className="h2">
          Where you are signed in
        </h2>
        <p className="text-slate-700">
          {elsewhere
            ? `On this browser and ${elsewhere === 1 ? "1 other browser or device" : `${elsewhere} other browsers or devices`}. Signing out there ends those sessions: whoever uses them must sign in again.`
            : "Only on this browser."}
        </p>
        {confirmSignOut ? (
          <ConfirmStep
            question={`Sign out of ${browsers(elsewhere)}? This browser stays signed in.`}
            fields={{ intent: "sign-out-elsewhere" }}
            confirmLabel="Yes, sign out everywhere else"
            keepLabel="Stay signed in everywhere"
          />
        ) : elsewhere ? (
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-elsewhere" />
            <button type="submit" className="btn-secondary">
              Sign out everywhere else
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
