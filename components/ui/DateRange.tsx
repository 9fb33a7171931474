import { filterFieldClass } from "./FilterSelect";

/**
 * The from and to days of a GET filter form: two labelled date fields that
 * keep their values in the URL, like FilterSelect beside them.
 */
export function DateRange({ from, to, labels, describedBy }: { from: string; to: string; labels: { from: string; to: string }; describedBy?: string }) {
  return (
    <>
      <DateField name="from" label={labels.from} value={from} describedBy={describedBy} />
      <DateField name="to" label={labels.to} value={to} describedBy={describedBy} />
    </>
  );
}

function DateField({ name, label, value, describedBy }: { name: string; label: string; value: string; describedBy?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input id={name} name={name} type="date" defaultValue={value} aria-describedby={describedBy} className={filterFieldClass} />
    </div>
  );
}
