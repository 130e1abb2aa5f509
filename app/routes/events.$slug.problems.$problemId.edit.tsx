import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { KeptLines } from "~/components/kept-lines";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, LeaveDialog } from "~/components/forms";
import { useUnsavedForm } from "~/components/unsaved-form";
import { ProblemFields } from "~/components/problem-fields";
import { sentStamp } from "~/lib/stamp.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent, canManageProblems } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { getProblem, problemStamp, readProblemForm, refusedProblemForm, updateProblem } from "~/modules/problems/problems.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/problems/schemas"));

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageTitle(error, () => `Edit ${data?.problem.title ?? "problem"} · ${data?.event.title ?? "Event"}`);

async function requireProblem(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEventAccess(request, params.slug);
  enforce(canManageProblems(ctx.user, ctx.access));
  const problem = await getProblem(ctx.event.id, params.problemId ?? "");
  invariantResponse(problem, "Problem not found", 404);
  return { ...ctx, problem };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, problem } = await requireProblem(request, params);
  const { title, summary, whoHasIt, costToday, dataAvailable, constraints, metricName, metricUnit, metricBaseline, ownerName } = problem;
  return {
    event: { slug: event.slug, title: event.title },
    stamp: problemStamp(problem),
    problem: {
      id: problem.id,
      title,
      summary,
      whoHasIt,
      costToday,
      dataAvailable,
      constraints,
      metricName,
      metricUnit,
      metricBaseline,
      ownerName,
      ownerEmail: problem.ownerAccountEmail ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const problem = await getProblem(event.id, params.problemId ?? "");
  invariantResponse(problem, "Problem not found", 404);
  const formData = await request.formData();
  // Judging started while the problem was being changed: said beside the form, which keeps it (ADR 060).
  const may = canManageProblems(user, access);
  if (!may.ok) return data(refusedProblemForm(formData, may.reason), { status: may.status });
  const form = await readProblemForm(formData, problem.ownerUserId);
  if (!form.ok) return data({ result: form.result }, { status: 400 });
  const saved = await updateProblem(event.id, problem.id, form.fields, { stored: problem, stamp: sentStamp(formData) });
  if (!saved.ok) return data({ result: form.submission.reply({ formErrors: [saved.message] }) }, { status: saved.missing ? 404 : 409 });
  return redirectWithToast(`/events/${event.slug}/problems/${problem.id}`, "Problem saved.");
}

export default function EditProblem() {
  const { event, stamp, problem } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const lastResult = useActionData<typeof action>()?.result;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: problem,
    onValidate: ({ formData }) => check(formData, (s) => s.problemSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formProps = getFormProps(form);
  const unsaved = useUnsavedForm(formProps, lastResult);
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/problems/${problem.id}`}>← {problem.title}</Link>
      </p>
      <h1 className="h1 mt-1">Edit problem</h1>
      <p className="mt-2 text-slate-700">Teams that picked this problem see the changes.</p>
      <Form method="post" {...formProps} {...unsaved.props} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="stamp" value={stamp} />
        <ProblemFields fields={fields} />
        {unsaved.blocker.state === "blocked" ? <LeaveDialog blocker={unsaved.blocker} unsaved="Your changes to the problem are not saved yet." /> : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save problem"}
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
