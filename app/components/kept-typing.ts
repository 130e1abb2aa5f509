// Typing kept when a save finds the session ended (ADR 069): the root's part, which only passes on where the app is
// and where it is heading. The rest (./signed-out-rescue) arrives after hydration, outside first-load JavaScript.
import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * Keeps what `userId` typed on a page when the app heads for the sign-in page (a save that found the session ended:
 * signed out elsewhere, or expired), and puts it back on that page once they have signed in again. Returns the
 * message to show then. Needs JavaScript: without it the save's redirect to sign-in drops the typing, as before.
 */
export function useKeptTyping(userId: string | null) {
  const heading = useNavigation().location;
  const here = useLocation();
  const [message, show] = useState<{ kind: "error"; message: string } | null>(null);
  useEffect(
    () =>
      void import("./signed-out-rescue").then(
        (m) => m.follow(userId, here, heading, show),
        () => {}, // Not loaded (offline, a new release): nothing is kept, as without JavaScript.
      ),
    [userId, here, heading],
  );
  return message;
}
