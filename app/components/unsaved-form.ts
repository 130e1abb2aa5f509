// In a module of its own: only the organizers' forms use it, and the forms module is in every form page's bundle.
import { useState, type FormEvent } from "react";
import { useLeaveGuard } from "./forms";

/**
 * useLeaveGuard for a form that is saved as a whole: any change makes it unsaved; sending it to be saved (once its own
 * check let it go) clears that, since a save leaves the page; a refusal makes it unsaved again, since the typing is only
 * here.
 * Spread `props` on the <Form> after getFormProps's (it calls that onSubmit); show LeaveDialog while `blocker` is blocked.
 */
export function useUnsavedForm(
  formProps: { onSubmit: (event: FormEvent<HTMLFormElement>) => void },
  lastResult: { error?: object | null } | undefined,
  /** Whether the button that sent the form saves it (a preview or a change of scale does not). */
  saves: (submitter: HTMLButtonElement | null) => boolean = () => true,
) {
  const [dirty, setDirty] = useState(false);
  const [answered, setAnswered] = useState(lastResult);
  if (lastResult !== answered) {
    setAnswered(lastResult);
    if (lastResult?.error && Object.keys(lastResult.error).length) setDirty(true);
  }
  const blocker = useLeaveGuard(dirty);
  return {
    blocker,
    props: {
      onChange: () => setDirty(true),
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        formProps.onSubmit(event);
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        // Sent to be saved: nothing is left unsaved. Refused by its check, a preview, a list button: still (or now) unsaved.
        setDirty(event.defaultPrevented || !saves(submitter instanceof HTMLButtonElement ? submitter : null));
      },
    },
  };
}
