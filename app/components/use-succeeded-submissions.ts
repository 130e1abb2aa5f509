// A form that starts afresh after its submission succeeded (Manage, judges, awards, announcements). Its own module:
// the forms chunk that every form page loads (the entry form among them) need not carry it.
import { useActionData, useNavigation } from "@remix-run/react";
import { useState } from "react";

/**
 * How many of this page's submissions with one of `intents` have succeeded, for a form's key: the form starts
 * afresh after it did its work, so what was just sent is not left in it to be sent twice. In this app an action
 * that succeeds redirects (with a toast) and one that refuses answers with data and stays, so a submission that
 * ends without action data succeeded. Without JavaScript every answer is a new page, which starts afresh anyway.
 */
export function useSucceededSubmissions(intents: readonly string[]): number {
  const navigation = useNavigation();
  const answer = useActionData();
  const [seen, setSeen] = useState({ watching: false, count: 0 });
  // Adjusted while rendering (React's pattern for state that follows other state), not in an effect.
  const submitting = navigation.state === "submitting" && intents.includes(String(navigation.formData?.get("intent") ?? ""));
  if (submitting && !seen.watching) setSeen({ watching: true, count: seen.count });
  if (navigation.state === "idle" && seen.watching) setSeen({ watching: false, count: answer === undefined ? seen.count + 1 : seen.count });
  return seen.count;
}
