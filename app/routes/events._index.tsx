// "/events" is where people look for the list of events when they type an address: the list is the home page (the
// header's "Events" link), so the address leads there rather than to "Not found".
import { redirect } from "@remix-run/node";

export function loader() {
  return redirect("/");
}
