import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { enforce } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canJoinTeam } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { listProblems } from "~/modules/problems/problems.server";
import { teamSchema } from "~/modules/teams/schemas";
import { createTeam } from "~/modules/teams/teams.server";

export const meta: MetaFunction = () => [{ title: "Create a team · Problem First" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canJoinTeam(user, access, new Date()));
  const problems = await listProblems(event.id);
  return {
    event: { slug: event.slug, title: event.title, maxTeamSize: event.maxTeamSize },
    problems: problems.filter((p) => !p.retired).map((p) => ({ value: p.id, label: p.title })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canJoinTeam(user, access, new Date()));
  const submission = parseForm(await request.formData(), { schema: teamSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createTeam(event, user.id, submission.value);
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }) }, { status: 400 });
  return redirectWithToast(`/events/${event.slug}/teams/${created.teamId}`, "Team created. Share the invite link with your teammates.");
}

export default function NewTeam() {
  const { event, problems } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { problemId: searchParams.get("problem") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: teamSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-xl">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1 mt-1">Create a team</h1>
      <p className="mt-2 text-slate-700">Up to {event.maxTeamSize} people. You can invite teammates with a link once the team exists.</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label="Team name" meta={fields.name} />
        <SelectField label="Problem" meta={fields.problemId} options={problems} placeholder="Pick a problem…" />
        <button type="submit" className="btn-primary">
          Create team
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
