import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False on the server and while the page hydrates, true once its JavaScript runs: for what only a page without
 * JavaScript needs (a button the script makes unnecessary, a hint about a reload). `<noscript>` is not used for
 * this: a browser that runs no script for the page but has scripting on (some blockers, tests) would hide it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
