import { LoaderCircle } from 'lucide-react';

/** A small turning circle for work in progress; decorative, so the control it sits in says what is going on. */
export function Spinner({ size = 14 }: { size?: number }) {
  return <LoaderCircle className="spinner" size={size} aria-hidden="true" />;
}
