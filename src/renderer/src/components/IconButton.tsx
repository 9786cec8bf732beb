import { forwardRef, type ReactNode } from 'react';
import { Button, type ButtonProps } from './Button';
import { Tooltip } from './Tooltip';

interface IconButtonProps extends Omit<ButtonProps, 'icon' | 'children'> {
  icon: ReactNode;
  /** The accessible name, also shown as the tooltip. */
  label: string;
  /** A shortcut shown in the tooltip, e.g. "Ctrl+F". */
  shortcut?: string;
}

/** A button that is only an icon: named for screen readers and explained by a tooltip. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, label, shortcut, variant = 'ghost', ...props },
  ref,
) {
  return (
    <Tooltip content={shortcut ? `${label} (${shortcut})` : label}>
      <Button ref={ref} variant={variant} icon={icon} aria-label={label} className="icon-button" {...props} />
    </Tooltip>
  );
});
