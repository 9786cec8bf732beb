import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'destructive' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** An icon before the label (a lucide-react element). */
  icon?: ReactNode;
  /** The operation the button started is running: a spinner replaces the icon and the button is busy. */
  pending?: boolean;
}

/**
 * The one button: primary for the main action of a view (one per view), secondary for the rest, destructive (red)
 * for what deletes or takes down, ghost for quiet actions inside rows and cards.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', icon, pending = false, className, children, type = 'button', ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={`button button-${variant} button-${size}${className ? ` ${className}` : ''}`}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? <Spinner /> : icon}
      {children !== undefined && children !== null && <span className="button-label">{children}</span>}
    </button>
  );
});
