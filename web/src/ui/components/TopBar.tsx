import { ChevronLeft, Mail } from "lucide-react";
import { Link } from "react-router";
import { useSession } from "../../store/sessionStore";
import { Avatar } from "./Avatar";

/** The hallway's bar: brand, invites, your own avatar. */
export function TopBar() {
  const me = useSession((s) => s.me);
  return (
    <header className="topbar">
      <Link to="/" className="brand" data-testid="home-link">
        <span className="brand-mark">P</span>
        Parley
      </Link>
      <span className="spacer" />
      {me && (
        <>
          <Link to="/invites" className="icon-btn" aria-label="Invites" data-testid="invites-link">
            <Mail size={22} />
            {me.invitesLeft !== null && me.invitesLeft > 0 && <span className="count">{me.invitesLeft}</span>}
          </Link>
          <Link to={`/u/${me.userName}`} aria-label="Your profile" data-testid="me-link" style={{ marginLeft: 4 }}>
            <Avatar userName={me.userName} displayName={me.displayName} size={38} />
          </Link>
        </>
      )}
    </header>
  );
}

/** A bar with a back link, for the pages under the hallway. */
export function BackBar({ to = "/", label = "Hallway", narrow = false }: { to?: string; label?: string; narrow?: boolean }) {
  return (
    <header className={`topbar${narrow ? " narrow" : ""}`}>
      <Link to={to} className="back" data-testid="back-link">
        <ChevronLeft size={22} /> {label}
      </Link>
    </header>
  );
}
