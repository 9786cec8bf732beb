import { Ellipsis } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import { Button } from './Button';

export interface MenuAction {
  label: string;
  icon?: ReactNode;
  onSelect(): void;
  /** Red, and kept apart from the rest. */
  destructive?: boolean;
  disabled?: boolean;
  /** Shown at the right: a shortcut, or why the item is disabled. */
  hint?: string;
  testId?: string;
}

export type MenuEntry = MenuAction | 'separator';

interface MenuProps {
  /** The trigger's text; "More" by default, with a ⋯ icon. */
  label?: string;
  entries: MenuEntry[];
  testId?: string;
  disabled?: boolean;
}

/** A dropdown of secondary actions (Radix: arrow keys, type-ahead, Escape, focus back to the trigger). */
export function Menu({ label = 'More', entries, testId, disabled = false }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild disabled={disabled}>
        <Button icon={<Ellipsis size={16} aria-hidden="true" />} data-testid={testId}>
          {label}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8} loop>
          {entries.map((entry, index) =>
            entry === 'separator' ? (
              <DropdownMenu.Separator key={`separator-${index}`} className="menu-separator" />
            ) : (
              <DropdownMenu.Item
                key={entry.label}
                className={`menu-item${entry.destructive ? ' destructive' : ''}`}
                disabled={entry.disabled}
                onSelect={entry.onSelect}
                data-testid={entry.testId}
              >
                <span className="menu-item-icon" aria-hidden="true">
                  {entry.icon}
                </span>
                <span className="menu-item-label">{entry.label}</span>
                {entry.hint && <span className="menu-item-hint">{entry.hint}</span>}
              </DropdownMenu.Item>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
