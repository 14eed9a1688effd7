import { useState } from 'react';
import { EMBED_THEMES, DEFAULT_EMBED_THEME, type EmbedTheme, type Treaty } from '@treaty-watch/shared';
import { CopyField } from './copy-field';

const THEME_LABELS: Record<EmbedTheme, string> = { dark: 'Dark', light: 'Light', auto: "The reader's setting" };

/** An attribute value in the HTML a desk pastes: a name with a quote in it must not end it. */
const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Markdown link text, where brackets and backslashes would end or bend the link. */
const markdownText = (text: string) => text.replace(/[[\]\\]/g, '\\$&');

/** What a desk pastes into an article, a newsletter or a page: the live widget, the status badge, the link. */
export function EmbedSnippet({ treaty }: { treaty: Treaty }) {
  const [theme, setTheme] = useState<EmbedTheme>(DEFAULT_EMBED_THEME);
  const origin = window.location.origin;
  const page = `${origin}/treaties/${treaty.id}`;
  const widget = `${origin}/embed/treaty/${treaty.id}${theme === DEFAULT_EMBED_THEME ? '' : `?theme=${theme}`}`;
  const badge = `${origin}/badge/${treaty.id}.svg`;
  const alt = `${treaty.shortName} status on Treaty Watch`;
  const iframe = `<iframe src="${widget}" title="${attribute(`${treaty.shortName} on Treaty Watch`)}" width="380" height="170" style="border:0" loading="lazy"></iframe>`;
  const img = `<a href="${page}"><img src="${badge}" alt="${attribute(alt)}" height="20"></a>`;
  const markdown = `[![${markdownText(alt)}](${badge})](${page})`;
  return (
    <section className="embed-snippet" aria-label="Embed">
      <h2>Embed</h2>
      <fieldset className="embed-theme">
        <legend>Widget colours</legend>
        {EMBED_THEMES.map((option) => (
          <label key={option}>
            <input type="radio" name="embed-theme" value={option} checked={theme === option} onChange={() => setTheme(option)} />{' '}
            {THEME_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <CopyField id="embed-code" label="A live widget for an article (its site must be allowed in EMBED_ORIGINS)" value={iframe} rows={3} />
      <p className="embed-badge-preview">
        <img src={badge} alt={alt} height={20} />
      </p>
      <CopyField id="embed-badge" label="A status badge for pages and newsletters that run no scripts (HTML)" value={img} />
      <CopyField id="embed-badge-markdown" label="The status badge in Markdown" value={markdown} />
      <CopyField id="embed-link" label="A plain link" value={page} rows={1} />
    </section>
  );
}
