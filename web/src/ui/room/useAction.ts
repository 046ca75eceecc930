import { useCallback, useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "../../api";

/** Runs a stage action; shows its error as a toast and tracks that it is in flight. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<void>, done?: string) => {
    setBusy(true);
    try {
      await action();
      if (done) toast.success(done);
      return true;
    } catch (e) {
      toast.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
