import { useEffect } from 'react';
import { useBerthStore } from '../stores/store';

/** Applies the theme preference to <html data-theme>, following the OS when set to "system". */
export function useTheme(): void {
  const theme = useBerthStore((state) => state.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = resolved;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
