import type { ReactNode } from 'react';

interface TruncateProps {
  text: string;
  className?: string;
  /** What to show instead of the text (the full text still goes into the tooltip). */
  children?: ReactNode;
}

/** One line that ends in "…" when it doesn't fit, with the full text as its tooltip. */
export function Truncate({ text, className, children }: TruncateProps) {
  return (
    <span className={`truncate${className ? ` ${className}` : ''}`} title={text}>
      {children ?? text}
    </span>
  );
}
