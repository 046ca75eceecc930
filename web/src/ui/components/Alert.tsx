import { CircleAlert } from "lucide-react";

export function ErrorAlert({ message, testId = "error" }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <div className="alert error" role="alert" data-testid={testId}>
      <CircleAlert size={18} style={{ flex: "none", marginTop: 1 }} />
      <span>{message}</span>
    </div>
  );
}

export function Loading() {
  return (
    <div className="loading" aria-label="Loading">
      <div className="spinner" />
    </div>
  );
}
