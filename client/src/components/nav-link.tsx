import type { ReactNode } from 'react';
import { navigate, useLocation } from '../lib/router';

/** A link that moves within the app without a reload; a plain link for anything else. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <a
      href={href}
      aria-current={pathname === href ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
