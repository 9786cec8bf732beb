import { Tooltip as RadixTooltip } from 'radix-ui';
import type { ReactElement, ReactNode } from 'react';

/** Wrap the app once: tooltips share one delay, so moving along a toolbar shows the next one at once. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return <RadixTooltip.Provider delayDuration={400}>{children}</RadixTooltip.Provider>;
}

interface TooltipProps {
  content: ReactNode;
  /** One element that takes a ref (a button, a span): it keeps its own role and name. */
  children: ReactElement;
  side?: 'top' | 'right' | 'bottom' | 'left';
}

/** A hint on hover and on keyboard focus (Radix: announced as the element's description). */
export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  if (content === null || content === undefined || content === '') return children;
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" side={side} sideOffset={6} collisionPadding={8}>
          {content}
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}
