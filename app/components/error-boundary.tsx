import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Link } from "~/components/link";
import { errorHeading } from "~/lib/page-title";
import { Component, createElement, lazy, Suspense, useState, useSyncExternalStore, type ComponentType, type ReactNode } from "react";

/**
 * Every route's ErrorBoundary: says what went wrong in words, never a stack trace. `children`: a route's own way on,
 * before "Back to events" (a judge's queue, from a score sheet they may not open); kept in that route's code.
 */
export function GeneralErrorBoundary({ children }: { children?: ReactNode }) {
  const error = useRouteError();
  const title = errorHeading(error);
  let message = "An unexpected error happened on our side. Try again in a moment.";
  if (isRouteErrorResponse(error)) {
    message = typeof error.data === "string" && error.data ? error.data : error.statusText;
  } else if (typeof window !== "undefined") {
    console.error(error);
  }
  return (
    <div className="card mx-auto max-w-xl" role="alert">
      <h1 className="h1">{title}</h1>
      <p className="mt-3 text-slate-700">{message}</p>
      <p className="mt-6 flex flex-wrap gap-3">
        {children}
        <Link to="/" className="btn-secondary">
          Back to events
        </Link>
      </p>
    </div>
  );
}

/**
 * Around a part of a page that is lazy in the browser (ADR 043): its Suspense boundary (nothing shows while its code
 * arrives after a navigation; on a page load the server's HTML stays), and a line in its place if that code cannot
 * be loaded (offline, or a deploy removed the old files), where the route's error boundary would replace the page.
 */
export class Deferred extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return <Suspense fallback={null}>{this.props.children}</Suspense>;
    return (
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
        Part of this page did not load.{" "}
        <button type="button" className="font-semibold underline" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    );
  }
}

/**
 * A part of a page whose code the browser downloads after the page's own (ADR 043, ADR 058), for use inside
 * `Deferred` as `import.meta.env.SSR ? PartOnServer : lazyPart(() => import("…"), (m) => m.Part)`, at a module's top
 * level (called while rendering, it would make a new component each time). The download starts when the module
 * declaring the part runs: on a page load as hydration starts, and on a navigation inside the app while the route's
 * data is still on its way, so the part is usually in when the page renders rather than showing a moment after it.
 * A part that only some people see (`whenShown`) is downloaded the first time it is rendered instead, so nobody
 * downloads what they never see. Until a part is in, React keeps the server's HTML (a page load) or shows nothing
 * (a navigation).
 */
export function lazyPart<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  { whenShown = false }: { whenShown?: boolean } = {},
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let ready: Promise<ComponentType<P>> | undefined;
  const start = () => (ready ??= load().then((module) => (loaded = pick(module))));
  // A failed download is shown where the part is rendered (Deferred), not reported as an unhandled rejection.
  if (!whenShown) start().catch(() => {});
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  function LazyPart(props: P) {
    // Chosen once per mount: switching from the lazy component to the loaded one would mount the part afresh and
    // lose what was typed in it. (The cast: React's types keep a lazy component and a component apart.)
    const [Shown] = useState<ComponentType<P> | typeof Lazy>(() => loaded ?? Lazy);
    return createElement(Shown as ComponentType<P>, props);
  }
  LazyPart.displayName = "LazyPart";
  return LazyPart;
}

const never = () => () => {};

/**
 * False on the server and while the page hydrates, true once its JavaScript runs: for what only a page without
 * JavaScript needs (a button the script makes unnecessary, a hint about a reload). Here, beside `lazyPart`, because
 * every page's chunk already has this module (ADR 058): a module of its own was one more request. `<noscript>` is not
 * used for this: a browser that runs no script for the page but has scripting on (some blockers, tests) hides it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
