// In a module of its own: only the organizers' forms use it (event, problem, rubric, announcements, submission
// questions), and the forms module is in every form page's bundle.
import { useState, type FormEvent } from "react";
import { useHydrated } from "./error-boundary";
import { useLeaveGuard, type Place } from "./forms";

/**
 * useLeaveGuard for a form that is saved as a whole: any change makes it unsaved; sending it to be saved (once its own
 * check let it go) clears that, since a save leaves the page; a refusal makes it unsaved again, since the typing is only
 * here.
 * Spread `props` on the <Form> after getFormProps's (it calls that onSubmit); show LeaveDialog while `blocker` is blocked.
 * `data-hydrated` is set once the form's script runs (before, its list buttons post to the server, as without
 * JavaScript): the browser tests wait for it, since a busy machine's network goes idle before a section hydrates.
 */
export function useUnsavedForm(
  formProps: { onSubmit: (event: FormEvent<HTMLFormElement>) => void },
  lastResult: { error?: object | null } | undefined,
  {
    saves = () => true,
    startsUnsaved = false,
  }: {
    /** Whether the button that sent the form saves it (a preview or a change of scale does not). */
    saves?: (submitter: HTMLButtonElement | null) => boolean;
    /** The form comes back with changes not saved yet (e.g. after "Keep" in a confirm step). */
    startsUnsaved?: boolean;
  } = {},
) {
  const [dirty, setDirty] = useState(startsUnsaved);
  const [answered, setAnswered] = useState(lastResult);
  if (lastResult !== answered) {
    setAnswered(lastResult);
    if (lastResult?.error && Object.keys(lastResult.error).length) setDirty(true);
  }
  const blocker = useLeaveGuard(dirty, samePage);
  const hydrated = useHydrated();
  return {
    dirty,
    blocker,
    props: {
      "data-hydrated": hydrated ? "" : undefined,
      onChange: () => setDirty(true),
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        formProps.onSubmit(event);
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        // A preview or a list button leaves the form unsaved; sent to be saved, nothing is; refused by its own check, as before.
        if (!saves(submitter instanceof HTMLButtonElement ? submitter : null)) setDirty(true);
        else if (!event.defaultPrevented) setDirty(false);
      },
    },
  };
}

/**
 * An organizer's form leaves its page when the path or the search changes: a link to the same page with another
 * search may show another form in its place (the announcements' "Change" opens `?edit=…`). The form's own post keeps
 * the search, with `index` put first on an index route, which is left out here.
 */
function samePage(now: Place, next: Place): boolean {
  const place = ({ pathname, search }: Place) => pathname + search.replace(/^\?index(&|$)/, "?").replace(/^\?$/, "");
  return place(now) === place(next);
}
