import { text } from '../media';
import { get } from './row';

export const DOCS_ROUTES = [
  get('/api/openapi.json', 'This document', { type: 'application/json', schema: { type: 'object' } }),
  get(
    '/api/docs',
    'A page that reads this document, served as a file (ranges and conditional requests as for any file)',
    text('text/html'),
    { alsoOk: [206, text('text/html'), 'The range of the page asked for'], problems: [412, 416], conditional: true },
  ),
];
