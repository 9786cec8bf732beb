/** A labelled checkbox of the logs toolbar. */
export function ToggleCheck({
  label,
  testId,
  checked,
  onChange,
  title,
}: {
  label: string;
  testId: string;
  checked: boolean;
  onChange(checked: boolean): void;
  title?: string;
}) {
  return (
    <label className="logs-check" title={title}>
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

/** "Regex": the text beside it is a regular expression (JavaScript syntax, case-insensitive) rather than plain text. */
export function RegexToggle({
  testId,
  checked,
  onChange,
}: {
  testId: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <ToggleCheck
      label="Regex"
      testId={testId}
      checked={checked}
      onChange={onChange}
      title="Treat the text as a regular expression, e.g. error|warn or ^epoch \d+"
    />
  );
}
