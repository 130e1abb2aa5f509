// "/admin", typed by an admin looking for the admin pages: the accounts page is where they start (the header
// links it and the outbox). Others are refused as on every admin page.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { enforce } from "~/lib/http.server";
import { canManageUsers } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/guards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  enforce(canManageUsers(await requireUser(request)));
  return redirect("/admin/users");
}
