import { z } from 'zod';

/** The embed widgets' colour schemes; `auto` follows the reader's `prefers-color-scheme`. */
export const EMBED_THEMES = ['dark', 'light', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
/** Today's widgets are dark; an absent or unknown `?theme=` keeps them so. */
export const DEFAULT_EMBED_THEME: EmbedTheme = 'dark';

export function embedThemeOf(value: string | null | undefined): EmbedTheme {
  return EMBED_THEMES.find((theme) => theme === value) ?? DEFAULT_EMBED_THEME;
}

const dimension = z.coerce.number().int().min(1).max(10_000);

/**
 * `GET /oembed`, as oEmbed 1.0 (https://oembed.com/) has consumers call it. Parameters a consumer
 * adds beyond these are ignored; a format other than JSON is the spec's 501, not a 400.
 */
export const oembedQuerySchema = z.object({
  url: z.string().min(1).max(2048),
  format: z.string().max(16).default('json'),
  maxwidth: dimension.optional(),
  maxheight: dimension.optional(),
});
export type OEmbedQuery = z.infer<typeof oembedQuerySchema>;

export const oembedResponseSchema = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  html: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  cache_age: z.number().int().nonnegative(),
});
export type OEmbedResponse = z.infer<typeof oembedResponseSchema>;
