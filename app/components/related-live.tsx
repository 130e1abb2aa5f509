import { useEffect, useRef, useState } from "react";
import { RelatedLearnings, type RelatedLearningItem } from "./learnings";

/** Typing pauses this long before the panel asks again. */
const DEBOUNCE_MS = 400;

/**
 * "Have we tried this before?" that follows what the team types in some fields of a form: a pause in
 * typing asks the problem's related route for learnings related to the problem and the typed text.
 * Without JavaScript the panel shows what the page was loaded with (the problem and the saved text).
 * A plain fetch, not a fetcher: an answer that fails changes nothing (a fetcher's error would replace
 * the page, and the form being typed in, with the error boundary).
 */
export function LiveRelatedLearnings({
  learnings,
  href,
  formId,
  fields,
  history,
  className,
}: {
  learnings: readonly RelatedLearningItem[];
  /** The resource route answering `?text=`. */
  href: string;
  formId: string;
  fields: string[];
  history?: { href: string; attempts: number; events: number } | null;
  className?: string;
}) {
  // An answer to what was typed stands in for the page's learnings it was asked over, not for those of a later load
  // (a save, or another entry's form in the same place).
  const [typed, setTyped] = useState<{ related: RelatedLearningItem[]; over: readonly RelatedLearningItem[] } | null>(null);
  const shown = useRef(learnings);
  useEffect(() => {
    shown.current = learnings;
  }, [learnings]);
  const [busy, setBusy] = useState(false);
  const fieldList = fields.join(" ");
  useEffect(() => {
    const names = fieldList.split(" ");
    // The form is looked up each time: a saved entry's form is a new element (it is keyed by the entry's version).
    const read = (as: "typed" | "loaded") => {
      const form = document.getElementById(formId);
      if (!(form instanceof HTMLFormElement)) return "";
      return names
        .map((name) => form.elements.namedItem(name))
        .map((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (as === "typed" ? el.value : el.defaultValue) : ""))
        .join(" ")
        .trim();
    };
    // What the panel the page came with answers: the text as loaded, not as typed by now. Someone who typed
    // before this code ran (it arrives after the page's) is answered at once.
    let asked = read("loaded");
    let timer: number | undefined;
    let pending: AbortController | null = null;
    const ask = async (text: string) => {
      pending?.abort();
      const request = new AbortController();
      pending = request;
      setBusy(true);
      try {
        const response = await fetch(`${href}?${new URLSearchParams({ text })}`, { signal: request.signal, headers: { Accept: "application/json" } });
        if (response.ok) {
          const body = (await response.json()) as { related: RelatedLearningItem[] };
          if (!request.signal.aborted) setTyped({ related: body.related, over: shown.current });
        }
      } catch {
        // Offline, aborted or signed out: keep what is shown.
      } finally {
        if (pending === request) setBusy(false);
      }
    };
    const onInput = (event: Event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.form?.id !== formId || !names.includes(field.name)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const text = read("typed");
        if (text === asked) return;
        asked = text;
        void ask(text);
      }, DEBOUNCE_MS);
    };
    document.addEventListener("input", onInput);
    const typedBefore = read("typed");
    if (typedBefore !== asked) {
      asked = typedBefore;
      void ask(typedBefore);
    }
    return () => {
      document.removeEventListener("input", onInput);
      window.clearTimeout(timer);
      pending?.abort();
    };
  }, [formId, fieldList, href]);
  const current = typed && typed.over === learnings ? typed.related : learnings;
  return <RelatedLearnings learnings={current} busy={busy} history={history} className={className} />;
}
