import { Form, useNavigation, type Navigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useId, type ReactNode } from "react";
import { CONFIRMED_FIELD, KEEP_FIELD, TYPED_NAME_FIELD } from "~/lib/confirm";

/**
 * The second step of a destructive action (ADR 012), shown in place of or beside the button that asked:
 * it says what will be lost and sends the same request again with `confirmed`. Plain HTML, so it works
 * without JavaScript; the server refuses to act without the field. `typed` asks for a name to be typed
 * for the irreversible ones. Keeping goes back to the page as stored, or with `keepSendsBack` sends the fields
 * back with `keep` so the server can return the unsaved form as it was (the action must answer that intent).
 */
export function ConfirmStep({
  question,
  fields,
  confirmLabel,
  keepLabel,
  typed,
  keepSendsBack = false,
  className = "",
}: {
  question: ReactNode;
  /** Hidden fields naming the action and what it acts on, e.g. { intent: "remove-member", userId }. */
  fields: Record<string, string>;
  confirmLabel: string;
  keepLabel: string;
  typed?: { label: string; error?: string | null };
  keepSendsBack?: boolean;
  className?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const sending = useSending({ ...fields, [CONFIRMED_FIELD]: "on" });
  return (
    <Form method="post" className={`space-y-2 rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-950 ${className}`}>
      <p role="alert" className="font-semibold">
        {question}
      </p>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={CONFIRMED_FIELD} value="on" />
      {typed ? (
        <div>
          <label htmlFor={id} className="label">
            {typed.label}
          </label>
          <input
            id={id}
            name={TYPED_NAME_FIELD}
            required
            autoComplete="off"
            spellCheck={false}
            className="input mt-1 max-w-md"
            aria-invalid={typed.error ? true : undefined}
            aria-describedby={typed.error ? errorId : undefined}
          />
          {typed.error ? (
            <p id={errorId} className="field-error">
              {typed.error}
            </p>
          ) : null}
        </div>
      ) : null}
      <span className="flex flex-wrap gap-2">
        <button type="submit" className="btn-danger" disabled={sending}>
          {confirmLabel}
        </button>
        {keepSendsBack ? (
          <button type="submit" name={KEEP_FIELD} value="on" formNoValidate className="btn-secondary">
            {keepLabel}
          </button>
        ) : (
          <Link to="." className="btn-secondary">
            {keepLabel}
          </Link>
        )}
      </span>
    </Form>
  );
}

/**
 * Whether the form that sends these fields is on its way (its action, then the page read again): its button waits, so
 * a second press cannot send it twice and answer with a false error ("already there") in place of the first's answer.
 */
export function isSending(navigation: Navigation, fields: Record<string, string>): boolean {
  const sent = navigation.formData;
  return navigation.state !== "idle" && sent !== undefined && Object.entries(fields).every(([name, value]) => sent.get(name) === value);
}

export function useSending(fields: Record<string, string>): boolean {
  return isSending(useNavigation(), fields);
}
