import type { SubmissionResult } from "~/lib/form";

/**
 * What a refused form held, for when the page no longer shows that form (without JavaScript the page is read again:
 * the team stopped looking, or the person joined one): the refusal, and the text as typed, to use elsewhere.
 */
export function NotSent({ refused, result, field }: { refused: string; result: SubmissionResult<string[]>; field: string }) {
  const typed = result.initialValue?.[field];
  return (
    <div role="alert" className="mt-2 space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      <p>
        {refused}: {(result.error?.[""] ?? []).join(" ")}
      </p>
      {typeof typed === "string" && typed.trim() ? (
        <p>
          What you wrote: <span className="whitespace-pre-wrap">“{typed}”</span>
        </p>
      ) : null}
    </div>
  );
}
