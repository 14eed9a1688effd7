/** A success that is not one of our JSON schemas: its media type, and a JSON Schema when it is JSON of another's design. */
export interface Media {
  type: string;
  schema?: Record<string, unknown>;
}

export const text = (type: string): Media => ({ type });

/** JSON Feed 1.1 as https://jsonfeed.org/version/1.1 has it, the fields this server writes. */
export const JSON_FEED: Media = {
  type: 'application/feed+json',
  schema: {
    type: 'object',
    required: ['version', 'title', 'items'],
    properties: {
      version: { const: 'https://jsonfeed.org/version/1.1' },
      title: { type: 'string' },
      home_page_url: { type: 'string', format: 'uri' },
      feed_url: { type: 'string', format: 'uri' },
      language: { type: 'string' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            url: { type: 'string', format: 'uri' },
            external_url: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            content_text: { type: 'string' },
            date_published: { type: 'string', format: 'date-time' },
            date_modified: { type: 'string', format: 'date-time' },
            authors: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  },
};
