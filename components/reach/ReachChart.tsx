import type { PublishedReach } from "@/lib/reach/publication";

const W = 680;
const H = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };
// Colour, dash and marker differ, so the lines tell apart without colour too.
const LINES = [
  { key: "visits", color: "#174b42", dash: "", marker: "circle" },
  { key: "parentsReached", color: "#b45309", dash: "6 4", marker: "square" },
  { key: "newParents", color: "#1d4ed8", dash: "2 3", marker: "diamond" },
] as const;

/**
 * Visits, parents reached and new parents per bucket, as plain SVG drawn on the
 * server. It is a picture for sighted readers; the table after it holds the
 * same figures for everyone (the SVG says so in its label).
 */
export function ReachChart({
  series,
  labels,
  names,
  summary,
}: {
  series: PublishedReach["series"];
  labels: string[];
  names: Record<(typeof LINES)[number]["key"], string>;
  summary: string;
}) {
  const values = series.flatMap((b) => LINES.map((l) => b[l.key])).filter((v): v is number => typeof v === "number");
  const max = Math.max(4, ...values);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => PAD.left + (series.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (series.length - 1));
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const every = Math.max(1, Math.ceil(series.length / 8));
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full max-w-full rounded bg-white">
        {Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step).map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d6d3d1" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#44403c">
              {v}
            </text>
          </g>
        ))}
        {labels.map((label, i) =>
          i % every === 0 ? (
            // The last label ends at the right edge instead of being cut off by it.
            <text key={i} x={x(i)} y={H - PAD.bottom + 16} textAnchor={i === labels.length - 1 && labels.length > 1 ? "end" : "middle"} fontSize={11} fill="#44403c">
              {label}
            </text>
          ) : null,
        )}
        {LINES.map((l) => {
          const points = series.map((b, i) => (typeof b[l.key] === "number" ? ([x(i), y(b[l.key] as number)] as const) : null));
          const segments: (readonly [number, number])[][] = [[]];
          for (const p of points) {
            if (p) segments.at(-1)!.push(p);
            else segments.push([]);
          }
          return (
            <g key={l.key}>
              {segments
                .filter((s) => s.length > 1)
                .map((s, i) => (
                  <polyline key={i} points={s.map((p) => p.join(",")).join(" ")} fill="none" stroke={l.color} strokeWidth={2.5} strokeDasharray={l.dash} />
                ))}
              {points.map((p, i) => (p ? <Marker key={i} shape={l.marker} x={p[0]} y={p[1]} color={l.color} /> : null))}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {LINES.map((l) => (
          <span key={l.key} className="inline-flex items-center gap-2">
            <svg width="34" height="12" aria-hidden="true">
              <line x1="1" x2="33" y1="6" y2="6" stroke={l.color} strokeWidth={2.5} strokeDasharray={l.dash} />
              <Marker shape={l.marker} x={17} y={6} color={l.color} />
            </svg>
            {names[l.key]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function Marker({ shape, x, y, color }: { shape: "circle" | "square" | "diamond"; x: number; y: number; color: string }) {
  if (shape === "circle") return <circle cx={x} cy={y} r={3.5} fill={color} />;
  if (shape === "square") return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} fill={color} />;
  return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y} ${x},${y + 4.5} ${x - 4.5},${y}`} fill={color} />;
}

function niceStep(max: number): number {
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
}
