// Renders /api/openapi.json as a readable page. Everything from the document is set as text.
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
};

const schemaName = (ref) => ref.replace('#/components/schemas/', '');

function resolve(doc, schema, seen = new Set()) {
  if (!schema || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    const name = schemaName(schema.$ref);
    if (seen.has(name)) return { $ref: name };
    return resolve(doc, doc.components.schemas[name], new Set([...seen, name]));
  }
  if (Array.isArray(schema)) return schema.map((s) => resolve(doc, s, seen));
  const { pattern: _pattern, ...rest } = schema;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, resolve(doc, v, seen)]));
}

function schemaBlock(doc, title, schema) {
  return el(
    'details',
    {},
    el('summary', { textContent: title }),
    el('pre', { textContent: JSON.stringify(resolve(doc, schema), null, 2) }),
  );
}

function operationView(doc, path, method, op) {
  const section = el('section', { className: 'operation' });
  section.append(
    el('h2', {}, el('span', { className: `method ${method}`, textContent: method.toUpperCase() }), ' ', el('code', { textContent: path })),
    el('p', { textContent: op.summary }),
  );
  if (op.description) section.append(el('p', { className: 'role', textContent: op.description }));
  if (op.parameters?.length) {
    const rows = op.parameters.map((p) =>
      el(
        'tr',
        {},
        el('td', {}, el('code', { textContent: p.name })),
        el('td', { textContent: p.in }),
        el('td', { textContent: p.required ? 'required' : 'optional' }),
        el('td', { textContent: p.description ?? JSON.stringify(resolve(doc, p.schema)) }),
      ),
    );
    section.append(
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...['name', 'in', '', 'schema'].map((h) => el('th', { textContent: h })))),
        el('tbody', {}, ...rows),
      ),
    );
  }
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) section.append(schemaBlock(doc, `Request body: ${schemaName(body.$ref)}`, body));
  for (const [status, response] of Object.entries(op.responses)) {
    const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
    const label = `${status} ${response.description}${type ? ` (${type})` : ''}`;
    section.append(media ? schemaBlock(doc, label, media.schema) : el('p', { textContent: label }));
  }
  return section;
}

async function main() {
  const target = document.getElementById('operations');
  try {
    const doc = await (await fetch('/api/openapi.json')).json();
    document.getElementById('description').textContent = doc.info.description;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) target.append(operationView(doc, path, method, op));
    }
  } catch (error) {
    target.append(el('p', { className: 'error', textContent: `The API description could not be loaded: ${error.message}` }));
  }
}

main();
