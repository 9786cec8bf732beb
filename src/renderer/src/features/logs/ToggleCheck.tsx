/** A labelled checkbox of the logs toolbar. */
export function ToggleCheck({
  label,
  testId,
  checked,
  onChange,
}: {
  label: string;
  testId: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="logs-check">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
