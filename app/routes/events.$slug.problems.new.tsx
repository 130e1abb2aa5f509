import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { KeptLines } from "~/components/kept-lines";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { ProblemFields } from "~/components/problem-fields";
import { enforce } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent, canManageProblems } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { addProblem, readProblemForm, refusedProblemForm } from "~/modules/problems/problems.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/problems/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Add a problem");

async function requireProblemEditor(request: Request, slug: string | undefined) {
  const ctx = await requireEventAccess(request, slug);
  enforce(canManageProblems(ctx.user, ctx.access));
  return ctx;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireProblemEditor(request, params.slug);
  return { event: { slug: event.slug, title: event.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const formData = await request.formData();
  // Judging started while the problem was being written: said beside the form, which keeps it (ADR 060).
  const may = canManageProblems(user, access);
  if (!may.ok) return data(refusedProblemForm(formData, may.reason), { status: may.status });
  const form = await readProblemForm(formData);
  if (!form.ok) return data({ result: form.result }, { status: 400 });
  const problem = await addProblem(event.id, form.fields);
  return redirectWithToast(`/events/${event.slug}/problems/${problem.id}`, "Problem added.");
}

export default function NewProblem() {
  // One problem per press: a second press while the first is on its way would add it twice.
  const busy = useNavigation().state === "submitting";
  const { event } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.problemSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage#problems`}>← Manage {event.title}</Link>
      </p>
      <h1 className="h1 mt-1">Add a business problem</h1>
      <p className="mt-2 text-slate-700">Start from the problem, not from the technology: who has it, what it costs, and how you would know AI helped.</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <ProblemFields fields={fields} />
        <button type="submit" className="btn-primary" disabled={busy}>
          Add problem
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  // Without JavaScript, a problem refused because judging started reads the page again, which then refuses the form:
  // what was sent is shown here, to copy.
  return (
    <>
      <GeneralErrorBoundary />
      <KeptLines />
    </>
  );
}
