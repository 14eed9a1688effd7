import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { ADMIN_TOKEN } from './in-process-server';

type Content = Record<string, { schema: Record<string, unknown> }>;
export type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Content }> };
export type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

export interface Answer<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** JSON Schema 2020-12 with the standard formats, as the answers are checked against the document. */
export function formatValidator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats names its plugin type through the root's `ajv`, an older copy without it, so it reads as `any`.
  (addFormats.default as (ajv: Ajv2020) => Ajv2020)(ajv);
  return ajv;
}

/** Every operation of the document as `METHOD /template`. */
export function operationsOf(document: Document): { method: string; template: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })),
  );
}

/**
 * A caller that checks every answer against what the document says its route answers: the
 * status must be listed, the media type listed for that status, and the body valid against its
 * schema. An answer the document lacks fails the test that got it.
 */
export function conformanceChecker(base: string, document: Document) {
  const ajv = formatValidator();
  ajv.addSchema(document, 'openapi.json');
  /** `METHOD /template status` of every answer checked, so a test can tell which routes it has not driven. */
  const seen = new Set<string>();

  async function conforms<T = unknown>(method: string, template: string, path: string, init: RequestInit = {}): Promise<Answer<T>> {
    const response = await fetch(`${base}${path}`, { method, ...init });
    seen.add(`${method} ${template} ${response.status}`);
    const text = await bodyText(response);
    const what = `${method} ${path.slice(0, 80)} (${template}) answered ${response.status}`;
    const declared = document.paths[template]?.[method.toLowerCase()]?.responses[String(response.status)];
    expect(declared, `${what}, which the document does not list: ${text.slice(0, 200)}`).toBeDefined();
    const contentType = response.headers.get('content-type') ?? '';
    const media = contentType.split(';')[0]?.trim() ?? '';
    if (!declared?.content) {
      expect(text, `${what} with a body the document does not describe`).toBe('');
      return { status: response.status, contentType, headers: response.headers, body: undefined as T };
    }
    const schema = declared.content[media]?.schema;
    expect(schema, `${what} as ${media || 'nothing'}, which the document does not list for it`).toBeDefined();
    const body: unknown = media.endsWith('json') ? JSON.parse(text) : text;
    const validate = typeof schema?.$ref === 'string' ? ajv.getSchema(`openapi.json${schema.$ref}`) : ajv.compile(schema ?? {});
    const valid = validate?.(body);
    expect(valid, `${what}: ${JSON.stringify(validate?.errors?.slice(0, 3))}`).toBe(true);
    return { status: response.status, contentType, headers: response.headers, body: body as T };
  }
  return Object.assign(conforms, { seen });
}

/** The whole body; of an event stream, which never ends, its first chunk. */
async function bodyText(response: Response): Promise<string> {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response.text();
  const reader = response.body?.getReader();
  const first = await reader?.read();
  await reader?.cancel();
  return new TextDecoder().decode(first?.value);
}

export type Conforms = ReturnType<typeof conformanceChecker>;

export const bearer = (token = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` });

export const json = (body: unknown, token = ADMIN_TOKEN, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
  body: JSON.stringify(body),
});
