import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { openApiDocument } from '../openapi/document';

const docsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../docs');

/** The document, built once, and a page that reads it, served from here (no CDN). */
export function openApiRoutes(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.sendFile(path.join(docsDir, 'index.html'));
  });
  router.use('/docs', express.static(docsDir, { index: false }));
  return router;
}
