import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { RelatedLearnings, type RelatedLearningItem } from "./learnings";

/** Typing pauses this long before the panel asks again. */
const DEBOUNCE_MS = 400;

/**
 * "Have we tried this before?" that follows what the team types in some fields of a form: a pause in
 * typing asks the problem's related route for learnings related to the problem and the typed text.
 * Without JavaScript the panel shows what the page was loaded with (the problem and the saved text).
 */
export function LiveRelatedLearnings({
  learnings,
  href,
  formId,
  fields,
  history,
  className,
}: {
  learnings: RelatedLearningItem[];
  /** The resource route answering `?text=`. */
  href: string;
  formId: string;
  fields: string[];
  history?: { href: string; attempts: number; events: number } | null;
  className?: string;
}) {
  const fetcher = useFetcher<{ related: RelatedLearningItem[] }>();
  // Stable across renders (a callback of the fetcher's key), so the listener stays put while answers arrive.
  const { load } = fetcher;
  const fieldList = fields.join(" ");
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const names = fieldList.split(" ");
    const read = () =>
      names
        .map((name) => form.elements.namedItem(name))
        .map((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : ""))
        .join(" ")
        .trim();
    let asked = read();
    let timer: number | undefined;
    const onInput = (event: Event) => {
      if (!names.includes((event.target as HTMLInputElement).name)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const text = read();
        if (text === asked) return;
        asked = text;
        void load(`${href}?${new URLSearchParams({ text })}`);
      }, DEBOUNCE_MS);
    };
    form.addEventListener("input", onInput);
    return () => {
      form.removeEventListener("input", onInput);
      window.clearTimeout(timer);
    };
  }, [formId, fieldList, href, load]);
  return <RelatedLearnings learnings={fetcher.data?.related ?? learnings} busy={fetcher.state === "loading"} history={history} className={className} />;
}
