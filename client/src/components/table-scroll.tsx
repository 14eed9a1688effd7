import type { ReactNode } from 'react';
import './table-scroll.css';

/**
 * A wide table scrolls sideways inside this region, so the page itself never does on a phone.
 * The region is focusable and named, so a keyboard user can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
