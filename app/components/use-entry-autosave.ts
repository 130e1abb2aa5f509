import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useLeaveGuard } from "~/components/forms";
import { AUTOSAVE_DELAY_MS, AUTOSAVE_INTENT, type AutosaveOutcome } from "~/modules/entries/autosave";

export type AutosaveStatus = { kind: "idle" | "unsaved" | "saving" | "saved" | "error"; text: string };

/**
 * Keeps the entry form's draft on the server while the team types: a debounced save through a fetcher
 * to the route's own action, carrying the form's version so the server's optimistic check still holds.
 * A conflict or a closed entry stops autosaving for good (nothing is overwritten, the text stays), and
 * unsaved edits make leaving the page ask first.
 */
export function useEntryAutosave(
  formRef: RefObject<HTMLFormElement | null>,
  initialVersion: number,
  { submitted = false, onSaved }: { submitted?: boolean; onSaved?: (version: number) => void } = {},
) {
  const fetcher = useFetcher<{ autosave: AutosaveOutcome }>();
  const [version, setVersion] = useState(initialVersion);
  const [dirty, setDirty] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle", text: "" });
  const edits = useRef(0);
  const sentEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const busy = fetcher.state !== "idle";
  // Set when a save leaves and cleared only once its answer is read, so the next save always carries
  // the version that answer returned (the hidden field may not have re-rendered yet).
  const inFlight = useRef(false);
  const versionRef = useRef(initialVersion);
  const stoppedRef = useRef(stopped);
  stoppedRef.current = stopped;

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form || stoppedRef.current || edits.current === sentEdits.current) return;
    // One save at a time: the next one needs the version this one returns.
    if (inFlight.current) {
      timer.current = setTimeout(saveNow, 250);
      return;
    }
    const formData = new FormData(form);
    formData.set("intent", AUTOSAVE_INTENT);
    formData.set("version", String(versionRef.current));
    inFlight.current = true;
    sentEdits.current = edits.current;
    setStatus({ kind: "saving", text: submitted ? "Saving changes…" : "Saving draft…" });
    fetcher.submit(formData, { method: "post" });
  }, [fetcher, formRef, submitted]);

  const onEdit = useCallback(() => {
    edits.current += 1;
    setDirty(true);
    if (stoppedRef.current) return;
    setStatus((s) => (s.kind === "error" ? s : { kind: "unsaved", text: "Unsaved changes" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  /** The Save and Submit buttons take over: no autosave may race them with an older version. */
  const cancelPending = useCallback(() => clearTimeout(timer.current), []);

  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || !inFlight.current) return;
    inFlight.current = false;
    const outcome = fetcher.data.autosave;
    if (outcome.ok) {
      versionRef.current = outcome.version;
      onSaved?.(outcome.version);
      setVersion(outcome.version);
      if (edits.current === sentEdits.current) setDirty(false);
      // A submitted entry's changes are live at once, not a draft waiting to be submitted.
      setStatus({ kind: "saved", text: `${submitted ? "Changes saved to your submitted entry" : "Draft saved"} ${outcome.savedAt}` });
      return;
    }
    // An invalid field may be fixed by the next keystroke; a conflict or a closed entry may not.
    if (outcome.reason !== "invalid") setStopped(true);
    else sentEdits.current = -1;
    setStatus({ kind: "error", text: `Not saved: ${outcome.message}` });
  }, [fetcher.state, fetcher.data, onSaved, submitted]);

  // Leaving the page with unsaved edits asks first.
  const blocker = useLeaveGuard(dirty);

  return { version, dirty, status, stopped, autosaving: busy, blocker, onEdit, cancelPending };
}

/**
 * The entry form's key: the form is rebuilt from the server's entry when the entry changed anywhere but in this form's
 * own autosaves (a teammate's save, or this form's Save draft or Submit, which reload the page). Reloading the page's
 * data after a change of its own (a screenshot added or deleted) finds the version this form's last autosave made;
 * rebuilding then would replace what was typed since that autosave with what it saved, so the form stays.
 */
export function useEntryFormKey(entryId: string, serverVersion: number) {
  const seen = useRef({ entryId, loaded: serverVersion, key: serverVersion, autosaved: serverVersion });
  // Another entry in the same page component (a link from one event's entry to another's): always a new form.
  if (entryId !== seen.current.entryId) seen.current = { entryId, loaded: serverVersion, key: serverVersion, autosaved: serverVersion };
  if (serverVersion !== seen.current.loaded) {
    seen.current.loaded = serverVersion;
    if (serverVersion !== seen.current.autosaved) seen.current.key = serverVersion;
  }
  const onAutosaved = useCallback((version: number) => {
    seen.current.autosaved = version;
  }, []);
  return { key: `${entryId}:${seen.current.key}`, onAutosaved };
}
