import { useEffect, type ReactNode } from "react";

/** A bottom sheet on phones, a centred dialog on wide screens. Escape or a tap outside closes it. */
export function Sheet({ onClose, children, label, testId }: { onClose: () => void; children: ReactNode; label: string; testId?: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="scrim" onClick={onClose}>
      <div className="sheet" role="dialog" aria-label={label} data-testid={testId} onClick={(e) => e.stopPropagation()}>
        <div className="grabber" />
        {children}
      </div>
    </div>
  );
}
