import { create } from "zustand";
import type { Me } from "../api/types";

export interface SessionState {
  /** undefined while the first /me is in flight; null when signed out. */
  me: Me | null | undefined;
  setMe(me: Me | null): void;
}

export const useSession = create<SessionState>()((set) => ({
  me: undefined,
  setMe: (me) => set({ me }),
}));
