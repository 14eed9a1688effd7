import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The head every page starts with, the board's and the embed's alike; each page adds its title and script. */
const HEAD: HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' } },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
  { tag: 'meta', attrs: { name: 'color-scheme', content: 'dark' } },
].map((tag) => ({ ...tag, injectTo: 'head-prepend' as const }));

/** Writes that head into every page, in the dev server and in the build. */
export function pageHead(): Plugin {
  return { name: 'treaty-watch-page-head', transformIndexHtml: () => HEAD };
}
