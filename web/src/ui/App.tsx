import { useEffect } from "react";
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useParams } from "react-router";
import { Toaster } from "sonner";
import { api, setUnauthorizedHandler } from "../api";
import { useSession } from "../store/sessionStore";
import { Loading } from "./components/Alert";
import { HallwayPage } from "./pages/HallwayPage";
import { InvitePage } from "./pages/InvitePage";
import { InvitesPage } from "./pages/InvitesPage";
import { LoginPage } from "./pages/LoginPage";
import { NewRoomPage } from "./pages/NewRoomPage";
import { ProfilePage } from "./pages/ProfilePage";
import { RoomPage } from "./pages/RoomPage";

/** Loads the session once; a 401 anywhere later signs the app out. */
function useSessionBootstrap() {
  const setMe = useSession((s) => s.setMe);
  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    api.me().then(
      (me) => setMe(me),
      () => setMe(null),
    );
    return () => setUnauthorizedHandler(null);
  }, [setMe]);
}

function RequireAuth() {
  const me = useSession((s) => s.me);
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <Outlet />;
}

/** /users/{userName} (as docs/api.md spells profile links) is the same page as /u/{userName}. */
function UsersRedirect() {
  const { userName = "" } = useParams();
  return <Navigate to={`/u/${encodeURIComponent(userName)}`} replace />;
}

export function App() {
  useSessionBootstrap();
  return (
    <BrowserRouter>
      <div className="app">
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/invite/:code" element={<InvitePage />} />
          <Route element={<RequireAuth />}>
            <Route path="/" element={<HallwayPage />} />
            <Route path="/rooms/new" element={<NewRoomPage />} />
            <Route path="/rooms/:id" element={<RoomPage />} />
            <Route path="/u/:userName" element={<ProfilePage />} />
            <Route path="/users/:userName" element={<UsersRedirect />} />
            <Route path="/invites" element={<InvitesPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </div>
      <Toaster position="top-center" richColors closeButton duration={5000} toastOptions={{ style: { fontFamily: "var(--font)", borderRadius: 16 } }} />
    </BrowserRouter>
  );
}
