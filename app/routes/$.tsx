// An address no other route has: "Not found" in words, with a title, rather than the router's own message
// ("No route matches URL …") under a page without one. Its code loads only on such a page.
import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Not found · Problem First" }];

export async function loader() {
  throw new Response("There is no page at this address. Check the link, or start again from the list of events.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function action() {
  return loader();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
