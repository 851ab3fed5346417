import { outputFormats, PRODUCT_VERSION } from '../engine/index.ts'

const problemRef = { $ref: '#/components/schemas/Problem' }
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
})

/** The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fincrime Synth API',
      version: PRODUCT_VERSION,
      description:
        'Generates labelled synthetic financial-crime datasets. Same config and seed give the same files as the CLI.',
    },
    paths: {
      '/api/v1/datasets': {
        post: {
          summary: 'Generate a dataset and stream it back as a zip of the files the CLI would write',
          parameters: [
            {
              name: 'format',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: outputFormats, default: 'csv' },
            },
          ],
          requestBody: {
            required: false,
            description: 'A config in the README format (missing keys take defaults; unknown keys are an error).',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          responses: {
            '200': {
              description:
                'The zip, streamed while it is generated. The X-Job-Id header names the job for /api/v1/jobs/{id}/events. Closing the connection cancels the job.',
              headers: { 'X-Job-Id': { schema: { type: 'string' } } },
              content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
            },
            '400': problemResponse('The config or the format is invalid (errors lists each issue).'),
            '413': problemResponse('The config asks for more rows than this server generates per request.'),
            '503': problemResponse('Every slot is busy and the queue is full; retry after Retry-After seconds.'),
          },
        },
      },
      '/api/v1/jobs/{id}/events': {
        get: {
          summary: "A job's progress as Server-Sent Events (progress events, then one end event)",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'event: progress / event: end', content: { 'text/event-stream': {} } },
            '404': problemResponse('No such job (or it ended long ago).'),
          },
        },
      },
      '/api/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI' } } } },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics: jobs, rows and bytes, memory, errors, pattern instances',
          responses: { '200': { description: 'text/plain; version=0.0.4', content: { 'text/plain': {} } } },
        },
      },
    },
    components: {
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' } },
              },
            },
          },
          required: ['type', 'title', 'status', 'detail'],
        },
      },
    },
  }
}
