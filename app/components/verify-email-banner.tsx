import { Form, useLocation } from "@remix-run/react";

/** Shown on every page to a signed-in person whose address is not confirmed yet (ADR 028). */
export default function VerifyEmailBanner({ email }: { email: string }) {
  const location = useLocation();
  // The confirmation pages say the same thing themselves.
  if (location.pathname.startsWith("/verify-email")) return null;
  return (
    <section aria-labelledby="verify-email-heading" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-slate-900">
        <h2 id="verify-email-heading" className="font-semibold">
          Confirm your email
        </h2>
        {/* Its own line on a phone: beside the heading it was squeezed into a narrow column that split the address. */}
        <p className="min-w-0 basis-full sm:flex-1 sm:basis-0">
          Open the link we sent to <strong className="break-words">{email}</strong>. Until then you cannot join or create a team, or be added as a judge or
          organizer.
        </p>
        <Form method="post" action="/verify-email">
          <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
          <button type="submit" className="btn-secondary">
            Send the link again
          </button>
        </Form>
      </div>
    </section>
  );
}
