import { embedThemeOf } from '@treaty-watch/shared';

/**
 * `?theme=light|dark|auto` for the page around the widget; `auto` follows the reader's
 * `prefers-color-scheme`, also when it changes while the widget is open.
 */
export function applyEmbedTheme(search: string, root: HTMLElement = document.documentElement): void {
  const theme = embedThemeOf(new URLSearchParams(search).get('theme'));
  const scheme = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
  if (theme !== 'auto') {
    root.dataset.theme = theme;
    if (scheme) scheme.content = theme;
    return;
  }
  const light = window.matchMedia('(prefers-color-scheme: light)');
  const follow = () => (root.dataset.theme = light.matches ? 'light' : 'dark');
  follow();
  light.addEventListener('change', follow);
  if (scheme) scheme.content = 'dark light';
}
