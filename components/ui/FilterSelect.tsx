/** The look of a filter form's fields: FilterSelect, DateRange and the pages' own selects beside them. */
export const filterFieldClass = "mt-1 rounded border border-stone-400 bg-white p-2";

/** A labelled select for a GET filter form: works without JavaScript, keeps its value in the URL. */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={filterFieldClass}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
