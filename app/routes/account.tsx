import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChangeEmail as ChangeEmailOnServer } from "~/components/change-email";
import { ConfirmStep } from "~/components/confirm-step";
import { EmailPreferences } from "~/components/email-preferences";
import { EventRoles as EventRolesOnServer } from "~/components/event-roles";
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
import { preferencesToWrite, shownPreferences } from "~/modules/notifications/preferences";
import { emailPreferencesSchema } from "~/modules/notifications/schemas";
import { getProfile, saveProfile } from "~/modules/portfolio/portfolio.server";
import { shownProfile } from "~/modules/portfolio/portfolio";
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
  const shown = { name: user.name, headline: profile?.headline ?? "", skills: profile?.skills ?? "" };
  return {
    user: { id: user.id, email: user.email, ...shown },
    // What the profile and preference forms show, sent back with a save, which then writes only what was changed.
    profileShown: shownProfile(shown),
    preferencesShown: shownPreferences(mailed),
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
      const waiting = await pendingEmailChange(user.id);
      const changed = await attemptPasswordChange(user.id, submission.value.currentPassword, submission.value.newPassword);
      if (!changed.ok)
        return data({ intent, result: submission.reply({ fieldErrors: { currentPassword: [changed.message] }, ...hide }) }, { status: changed.status });
      const cookie = await restartSessions(user.id);
      // The change of address waiting for its link was cancelled with the old password (changePassword): said, as it was shown.
      const cancelled = waiting ? ` The change of address to ${waiting.newEmail} was cancelled: ask again if it was yours.` : "";
      return redirectWithToast("/account", `Password changed. You were signed out everywhere else.${cancelled}`, { headers: { "Set-Cookie": cookie } });
    }
    case "profile": {
      const submission = parseForm(formData, { schema: profileSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      await saveProfile(user.id, submission.value, submission.value.shown);
      return redirectWithToast("/account#profile-h", "Profile saved.");
    }
    case "email-preferences": {
      const submission = parseForm(formData, { schema: emailPreferencesSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
      const mailed = new Set(submission.value.kinds);
      await setEmailPreferences(user.id, mailed, preferencesToWrite(mailed, submission.value.shown));
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
        // None cancelled: it was used or cancelled meanwhile (a second press, another tab), or its link expired.
        cancelled ? "Change of address cancelled: the link we sent no longer works." : "No change of address is waiting now.",
      );
    }
    case "sign-out-elsewhere": {
      const done = await signOutElsewhere(request, user.id, readConfirmation(formData));
      if (!done.ok) return data({ intent, confirmSignOut: done.confirm }, { status: 409 });
      // None ended: they signed out meanwhile, or this was a second press after the first had ended them.
      const message = done.ended ? `Signed out of ${browsers(done.ended)}. This browser stays signed in.` : "Only this browser is signed in now.";
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

// The list of the person's events is read, not worked in: its code (with the phase badges') arrives after the page's.
const EventRoles = import.meta.env.SSR
  ? EventRolesOnServer
  : lazyPart(
      () => import("~/components/event-roles"),
      (m) => m.EventRoles,
    );

export default function Account() {
  const { user, profileShown, preferencesShown, siteRole, events, password, mailed, optedOut, elsewhere, pendingEmail } = useLoaderData<typeof loader>();
  // The profile form starts afresh after its own save (the profile as stored, skills as the portfolio lists them) and
  // when the stored profile changes, and keeps the typing otherwise: saving another section reads the page again too.
  const profileSaves = useSucceededSubmissions(SAVE_PROFILE);
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.intent === "change-password" ? actionData.result : undefined;
  const preferenceErrors = actionData?.intent === "email-preferences" ? Object.values(actionData.result.error ?? {}).flatMap((e) => e ?? []) : undefined;
  // The question counts the browsers signed in when it was asked, which may be more than the page was loaded with.
  const signOutCount = actionData?.intent === "sign-out-elsewhere" ? actionData.confirmSignOut.count : 0;
  const others = signOutCount || elsewhere;
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
        key={`${profileSaves}\n${profileShown}`}
        userId={user.id}
        headline={user.headline}
        name={user.name}
        skills={user.skills}
        shown={profileShown}
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
      <Deferred>
        <EventRoles events={events} />
      </Deferred>
      <EmailPreferences mailed={mailed} shown={preferencesShown} optedOut={optedOut} errors={preferenceErrors} />
      {password !== "on" ? (
        <section aria-labelledby="password-heading" className="card space-y-2">
          <h2 id="password-heading" className="h2">
            Password
          </h2>
          <p className="text-slate-700">{noPasswordToChange[password]}</p>
        </section>
      ) : (
        <Form key={`password-${passwordsChanged}`} method="post" {...getFormProps(form)} aria-labelledby="password-h" className="card space-y-4">
          <input type="hidden" name="intent" value="change-password" />
          <h2 id="password-h" className="h2">
            Change password
          </h2>
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
          {others
            ? `On this browser and ${others === 1 ? "1 other browser or device" : `${others} other browsers or devices`}. Signing out there ends those sessions: whoever uses them must sign in again.`
            : "Only on this browser."}
        </p>
        {signOutCount ? (
          <ConfirmStep
            question={`Sign out of ${browsers(signOutCount)}? This browser stays signed in.`}
            fields={{ intent: "sign-out-elsewhere" }}
            confirmLabel="Yes, sign out everywhere else"
            keepLabel="Stay signed in everywhere"
          />
        ) : others ? (
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
