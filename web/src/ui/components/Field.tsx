import type { InputHTMLAttributes } from "react";

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: string;
  prefix?: string;
}

export function Field({ label, error, hint, prefix, id, ...input }: Props) {
  const inputId = id ?? `f-${label.toLowerCase().replace(/\W+/g, "-")}`;
  const control = <input id={inputId} className={`input${error ? " invalid" : ""}`} aria-invalid={!!error} {...input} />;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {prefix ? (
        <div className="input-prefix">
          <span>{prefix}</span>
          {control}
        </div>
      ) : (
        control
      )}
      {error ? <div className="error" role="alert">{error}</div> : hint ? <div className="hint">{hint}</div> : null}
    </div>
  );
}
