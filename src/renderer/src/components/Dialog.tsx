import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

interface DialogProps {
  title: ReactNode;
  /** One sentence under the title, read out when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons, right-aligned; put the primary action first. */
  footer?: ReactNode;
  onClose(): void;
  testId?: string;
  size?: 'sm' | 'md' | 'lg';
  /** Also closes on a click outside (default); off for forms that would lose typing. */
  closeOnOutsideClick?: boolean;
}

/**
 * A modal dialog on Radix: focus moves in and is trapped there, Escape and the close paths call `onClose`, focus
 * returns to where it was. Rendered while open; the caller decides when (no open prop to keep in sync).
 */
export function Dialog({
  title,
  description,
  children,
  footer,
  onClose,
  testId,
  size = 'md',
  closeOnOutsideClick = true,
}: DialogProps) {
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog dialog-${size}`}
          data-testid={testId}
          aria-describedby={undefined}
          onPointerDownOutside={(event) => {
            if (!closeOnOutsideClick) event.preventDefault();
          }}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          )}
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
