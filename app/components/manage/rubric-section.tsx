import { Link } from "~/components/link";
import { ManageSection } from "./on-this-page";

type Criterion = { id: string; name: string; weight: number; description: string };

/** The rubric as judges will see it (the final round's once it started, ADR 038), with the way to its editor. */
export function RubricSection({ slug, scaleMax, rubric, round = 1 }: { slug: string; scaleMax: number; rubric: Criterion[]; round?: 1 | 2 }) {
  return (
    <ManageSection
      id="rubric"
      title={`${round === 2 ? "Final round rubric" : "Rubric"} (scale 1–${scaleMax})`}
      actions={
        <Link to={`/events/${slug}/rubric`} className="btn-secondary">
          Edit rubric
        </Link>
      }
    >
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm">
        {rubric.map((c) => (
          <li key={c.id}>
            <span className="font-semibold">{c.name}</span> (weight {c.weight}): {c.description}
          </li>
        ))}
      </ol>
    </ManageSection>
  );
}
