// Remix's default client entry, plus one step before hydration: typing done before it is kept (ADR 070).
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { keepEarlyTyping } from "~/components/early-typing";

keepEarlyTyping();
startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
