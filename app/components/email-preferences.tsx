import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { ErrorList } from "~/components/forms";
import { notificationKinds, optionalKinds, type NotificationKind } from "~/modules/notifications/kinds";

const securityKinds = (Object.keys(notificationKinds) as NotificationKind[]).filter((kind) => notificationKinds[kind].security);

/**
 * Which kinds of notice are also mailed. The in-app list always has every notice; security mail is always sent.
 * An address that used the one-click unsubscribe link gets none of the optional ones until its owner turns mail back on.
 */
export function EmailPreferences({
  mailed,
  shown,
  optedOut,
  errors,
}: {
  mailed: Partial<Record<NotificationKind, boolean>>;
  /** The preferences as stored when the page was read: a save writes only the kinds changed from them. */
  shown: string;
  optedOut: boolean;
  errors?: string[];
}) {
  return (
    <section id="email-notifications" aria-labelledby="email-notifications-h" className="card space-y-4">
      <h2 id="email-notifications-h" className="h2">
        Email notifications
      </h2>
      <p className="text-sm text-slate-700">
        Everything appears on your <Link to="/notifications">notifications page</Link>. Choose what is also sent to your email address (above).
      </p>
      {optedOut ? (
        <Form method="post" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <input type="hidden" name="intent" value="email-opt-in" />
          <p>
            You unsubscribed this address with the link in an email, so none of the emails below are sent, whatever is ticked. Security emails still arrive.
          </p>
          <button type="submit" className="btn-secondary">
            Send me email again
          </button>
        </Form>
      ) : null}
      {/* Ticked as stored again when the stored preferences change (another tab's save): the boxes start from them. */}
      <Form key={shown} method="post" className="space-y-4">
        <input type="hidden" name="intent" value="email-preferences" />
        <input type="hidden" name="shown" value={shown} />
        <fieldset className="space-y-2">
          <legend className="label">Email me about</legend>
          {optionalKinds.map((kind) => (
            <label key={kind} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="kinds" value={kind} defaultChecked={mailed[kind] ?? true} className="mt-0.5 h-4 w-4" />
              <span>{notificationKinds[kind].label}</span>
            </label>
          ))}
        </fieldset>
        <ErrorList errors={errors} />
        <div>
          <h3 className="text-sm font-semibold">Always sent</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {securityKinds.map((kind) => (
              <li key={kind}>{notificationKinds[kind].label}</li>
            ))}
          </ul>
        </div>
        <button type="submit" className="btn-primary">
          Save email preferences
        </button>
      </Form>
    </section>
  );
}
