import { Monitor, Moon, Sun } from 'lucide-react';
import { Tooltip } from '../components/Tooltip';
import { useBerthStore } from '../stores/store';
import type { ThemePreference } from '../stores/ui-slice';

const CHOICES: Array<{ value: ThemePreference; label: string; Icon: typeof Sun }> = [
  { value: 'system', label: 'Follow the system theme', Icon: Monitor },
  { value: 'light', label: 'Light theme', Icon: Sun },
  { value: 'dark', label: 'Dark theme', Icon: Moon },
];

/** System / light / dark, as three icon buttons of which one is pressed. */
export function ThemeSwitcher() {
  const theme = useBerthStore((state) => state.theme);
  const setTheme = useBerthStore((state) => state.setTheme);
  return (
    <div className="theme-switcher" role="group" aria-label="Theme">
      {CHOICES.map(({ value, label, Icon }) => (
        <Tooltip key={value} content={label} side="top">
          <button
            type="button"
            className="theme-choice"
            aria-label={label}
            aria-pressed={theme === value}
            onClick={() => setTheme(value)}
            data-testid={`theme-${value}`}
          >
            <Icon size={15} aria-hidden="true" />
          </button>
        </Tooltip>
      ))}
    </div>
  );
}
