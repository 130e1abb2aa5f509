import { useActionData } from "@remix-run/react";

/**
 * In a route's ErrorBoundary, after the error: what a refused form held, as lines to copy (the action's `kept`, from
 * app/lib/kept.ts), for when the page read again refuses the form too (without JavaScript). Nothing otherwise.
 */
export function KeptLines() {
  const sent: unknown = useActionData();
  const lines = sent && typeof sent === "object" && "kept" in sent && Array.isArray(sent.kept) ? (sent.kept as string[]) : [];
  if (!lines.length) return null;
  return (
    <section aria-label="What you sent" className="mx-auto mt-4 max-w-xl rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-semibold">Nothing you sent was saved. What you sent, to copy:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {lines.map((line, i) => (
          <li key={i} className="whitespace-pre-wrap">
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}
