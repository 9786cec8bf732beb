import { AlertDialog } from 'radix-ui';
import { useRef, type ReactNode, type RefObject } from 'react';
import { Button } from './Button';

export interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  /** The confirming button's label: say what happens ("Stop anyway", "Delete volume"). */
  action: string;
  destructive?: boolean;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
  confirmTestId?: string;
  /** More choices between the confirm and Cancel buttons. */
  extraActions?: ReactNode;
  /** Blocks the confirm button (typed confirmations). */
  confirmDisabled?: boolean;
  /** Where focus starts; by default the confirm button, or Cancel when the action destroys something. */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * Asks before an action with consequences (an alert dialog: focus starts on Cancel when it destroys something, so
 * Enter never deletes by accident).
 */
export function ConfirmDialog({
  title,
  children,
  action,
  destructive = false,
  onConfirm,
  onCancel,
  testId = 'confirm-panel',
  confirmTestId = 'confirm-ok',
  extraActions,
  confirmDisabled = false,
  initialFocus,
}: ConfirmDialogProps) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog dialog-sm"
          data-testid={testId}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            // Radix starts on Cancel; a harmless confirmation starts on its action, a typed one on its input.
            const target = initialFocus?.current ?? (destructive ? null : confirmButton.current);
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
        >
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <div className="dialog-body">{children}</div>
          <footer className="dialog-footer">
            <Button
              ref={confirmButton}
              variant={destructive ? 'destructive' : 'primary'}
              disabled={confirmDisabled}
              onClick={onConfirm}
              data-testid={confirmTestId}
            >
              {action}
            </Button>
            {extraActions}
            <AlertDialog.Cancel asChild>
              <Button>Cancel</Button>
            </AlertDialog.Cancel>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
