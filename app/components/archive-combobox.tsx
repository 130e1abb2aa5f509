import { useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { Suggestion } from "~/modules/archive/suggest";

/** Typing pauses this long before suggestions are asked for. */
const DEBOUNCE_MS = 200;

/**
 * The archive's search box with suggestions as a person types (the ARIA combobox pattern with a
 * listbox popup): arrow keys move through the words and learnings offered, Enter takes the one
 * highlighted (a word runs the search with it, a learning opens it) or, with none highlighted,
 * searches what was typed; Escape closes the list. Without JavaScript it is a plain search field.
 */
export function ArchiveSearchBox({ defaultValue, describedBy }: { defaultValue: string; describedBy: string }) {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const pending = useRef<AbortController | null>(null);
  const shown = useRef<Suggestion[]>([]);
  const expanded = open && suggestions.length > 0;
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  // A plain fetch, not a fetcher: a suggestion that fails or arrives after the search was submitted
  // changes nothing on the page (a fetcher's error would replace the page with its error boundary).
  async function ask(q: string) {
    pending.current?.abort();
    const request = new AbortController();
    pending.current = request;
    try {
      const response = await fetch(`/archive/suggest?${new URLSearchParams({ q })}`, { signal: request.signal, headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const body = (await response.json()) as { suggestions: Suggestion[] };
      if (request.signal.aborted) return;
      // Suggestions for a longer prefix often arrive after the person has already moved the
      // highlight: keep it on the same word or learning when it is still offered.
      const previous = shown.current;
      const next = body.suggestions;
      shown.current = next;
      setSuggestions(next);
      setActive((i) => {
        const highlighted = i >= 0 ? previous[i] : undefined;
        return highlighted ? next.findIndex((s) => s.kind === highlighted.kind && s.text === highlighted.text) : -1;
      });
      setOpen(true);
    } catch {
      // Offline, aborted or signed out: keep what is shown.
    }
  }

  function onInput() {
    window.clearTimeout(timer.current);
    const q = input.current?.value ?? "";
    setActive(-1);
    timer.current = window.setTimeout(() => void ask(q), DEBOUNCE_MS);
  }

  function choose(s: Suggestion) {
    setOpen(false);
    pending.current?.abort();
    if (s.kind === "title") return navigate(s.href);
    const field = input.current!;
    field.value = s.q;
    field.form?.requestSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const n = suggestions.length;
      if (n === 0) return;
      event.preventDefault();
      const down = event.key === "ArrowDown";
      if (!expanded) {
        setOpen(true);
        setActive(down ? 0 : n - 1);
        return;
      }
      // Past either end the highlight goes back to the text field (-1), then round again.
      setActive((i) => (down ? (i + 1 >= n ? -1 : i + 1) : i <= -1 ? n - 1 : i - 1));
    } else if (event.key === "Enter" && expanded && active >= 0 && active < suggestions.length) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="relative mt-1">
      <input
        ref={input}
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={2000}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && active < suggestions.length ? optionId(active) : undefined}
        aria-describedby={describedBy}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        className="input"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute z-10 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      >
        {suggestions.map((s, i) => (
          <li
            key={`${s.kind}:${s.text}:${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(s);
            }}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 text-sm ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
          >
            <span className="truncate">{s.text}</span>
            <span className="shrink-0 text-xs text-slate-600">{s.kind === "term" ? "search" : "learning"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
