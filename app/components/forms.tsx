import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "~/lib/form";
import { useBlocker, type Blocker } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

// One field of any form.
export type Meta = FieldMetadata;

function describedBy(meta: Meta, hint: ReactNode) {
  const ids = [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-error">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

type Common = { label: ReactNode; meta: Meta; hint?: ReactNode; className?: string };

export function Field({
  label,
  meta,
  hint,
  className,
  type = "text",
  ...rest
}: Common & { type?: "text" | "email" | "password" | "url" | "number" | "datetime-local" | "search"; autoComplete?: string; placeholder?: string }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="label">
        {label}
      </label>
      <input {...getInputProps(meta, { type, ariaDescribedBy: describedBy(meta, hint) })} {...rest} className="input mt-1" />
      {hint ? (
        <p id={meta.descriptionId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({ label, meta, hint, className, rows = 4 }: Common & { rows?: number }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="label">
        {label}
      </label>
      <textarea {...getTextareaProps(meta, { ariaDescribedBy: describedBy(meta, hint) })} rows={rows} className="input mt-1" />
      {hint ? (
        <p id={meta.descriptionId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  label,
  meta,
  hint,
  className,
  options,
  placeholder,
}: Common & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="label">
        {label}
      </label>
      <select {...getSelectProps(meta, { ariaDescribedBy: describedBy(meta, hint) })} className="input mt-1">
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={meta.descriptionId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Errors about the whole form (not one field), announced to screen readers. */
export function FormErrors({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    // Focusable from script only: a refusal of the whole form takes the focus (app/lib/form.ts).
    <div id={id} role="alert" tabIndex={-1} className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

/**
 * Pressing Enter in a text field presses the form's first submit button. In a form whose rows have their own
 * "Remove …" buttons that would remove the first row, so this button, placed before them, makes Enter save.
 * It is out of sight, out of the tab order and hidden from screen readers, which reach the visible one.
 */
export function EnterSaves({ label, form }: { label: string; /** The form's id, when placed before it from outside. */ form?: string }) {
  return (
    <button type="submit" form={form} className="sr-only" tabIndex={-1} aria-hidden="true">
      {label}
    </button>
  );
}

/** Where a navigation is, for useLeaveGuard's `samePage`. */
export type Place = { pathname: string; search: string };

// Unsaved edits make leaving a form's page ask first: the entry form, the judge's score sheet and the organizers' forms.
/**
 * While `dirty`, leaving the page asks first: a reload, closing the tab or another site through the browser's own
 * question, a link inside the app through the blocker this returns (show `LeaveDialog` while it is blocked).
 */
export function useLeaveGuard(dirty: boolean, samePage?: (now: Place, next: Place) => boolean): Blocker {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  // The form's own post goes to this same page; the page its action redirects to is not a navigation blockers see.
  // `samePage`: when another address is the same page (by default, the same path).
  return useBlocker(({ currentLocation: now, nextLocation: next }) => dirty && !(samePage ? samePage(now, next) : now.pathname === next.pathname));
}

/** The in-app question while a guarded page's link is blocked; "Stay on this page" has the focus. */
export function LeaveDialog({ blocker, unsaved }: { blocker: Blocker; unsaved: string }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby="leave-h" aria-describedby="leave-d" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p id="leave-h" className="font-semibold">
        Leave without saving?
      </p>
      <p id="leave-d">{unsaved}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={stay} type="button" className="btn-secondary" onClick={() => blocker.reset?.()}>
          Stay on this page
        </button>
        <button type="button" className="btn-danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </button>
      </div>
    </div>
  );
}
