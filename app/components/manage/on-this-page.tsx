import type { ReactNode } from "react";

/** The Manage page's sections, in order: the "On this page" navigation links to each (the ids are ManageSection's). */
export const manageSections = [
  { id: "dashboard", label: "Dashboard" },
  { id: "phase", label: "Phase" },
  { id: "problems", label: "Problems" },
  { id: "judges", label: "Judges" },
  { id: "teams", label: "Teams" },
  { id: "rubric", label: "Rubric and scale" },
  { id: "questions", label: "Submission questions" },
  { id: "organizers", label: "Organizers" },
];

/**
 * The Manage page's table of contents: plain links to its section headings, so it works without JavaScript
 * and wraps onto several lines on a phone.
 */
export function OnThisPage({ sections }: { sections: { id: string; label: string }[] }) {
  return (
    <nav aria-labelledby="on-this-page-h" className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <h2 id="on-this-page-h" className="text-sm font-semibold text-slate-800">
        On this page
      </h2>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One section of the Manage page: a card whose heading the in-page navigation links to. */
export function ManageSection({ id, title, actions, children }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="card scroll-mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-h`} className="h2">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
